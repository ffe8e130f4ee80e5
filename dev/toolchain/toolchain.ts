// The installer: checks prerequisites for what still needs building, then runs the steps one at a time.
import fs from 'node:fs';
import { cacheRoot, logFile } from './layout.js';
import { PrerequisiteError, diskProblem, missingPrerequisites } from './prerequisites.js';
import { isCurrent, runCachedStep, sizeOf } from './run-step.js';
import type { Prerequisite, Step, StepContext, StepResult, SystemStep } from './step.js';
import { REQUIRES, STEPS } from './steps/index.js';
import { appendTimings } from './timings.js';
import { TOOL_NAMES, type ToolName } from './versions.js';

export interface InstallOptions {
  /** Defaults to $COMMERCEX_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/commercex. */
  readonly cache?: string;
  /** Progress lines; defaults to stderr with a "[toolchain]" prefix. */
  readonly log?: (line: string) => void;
}

const stderrLog = (line: string): void => {
  process.stderr.write(`[toolchain] ${line}\n`);
};

function selectSteps(names: readonly ToolName[]): Step[] {
  const wanted = new Set<ToolName>(names);
  for (const name of names) for (const dep of REQUIRES[name] ?? []) wanted.add(dep);
  return STEPS.filter((s) => wanted.has(s.tool));
}

function checkPrerequisites(steps: readonly Step[], cache: string): void {
  const needs = new Set<Prerequisite>();
  let building = false;
  for (const step of steps) {
    if (step.kind !== 'cached') continue;
    for (const need of step.runNeeds ?? []) needs.add(need);
    if (!isCurrent(step, cache)) {
      building = true;
      for (const need of step.buildNeeds) needs.add(need);
    }
  }
  const problems = missingPrerequisites(needs);
  const disk = building ? diskProblem(cache) : undefined;
  if (disk) problems.push(disk);
  if (problems.length > 0) throw new PrerequisiteError(problems);
}

async function runSystemStep(step: SystemStep, ctx: StepContext): Promise<StepResult> {
  const started = performance.now();
  const { version, installed, artifact } = await step.ensure(ctx);
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  return { id: step.id, tool: step.tool, version, action: installed ? 'installed' : 'found', seconds, bytes: sizeOf(fs.realpathSync(artifact)), reported: artifact };
}

/** Builds or reuses the named tools (all by default) and returns what each step did. */
export async function installTools(names: readonly ToolName[] = TOOL_NAMES, options: InstallOptions = {}): Promise<StepResult[]> {
  const cache = options.cache ?? cacheRoot();
  const log = options.log ?? stderrLog;
  fs.mkdirSync(cache, { recursive: true });
  const steps = selectSteps(names);
  checkPrerequisites(steps, cache);
  const results: StepResult[] = [];
  try {
    for (const step of steps) {
      const version = step.kind === 'cached' ? step.version : 'system';
      const ctx: StepContext = { cache, logFile: logFile(cache, step.id, version), log };
      const result = step.kind === 'cached' ? await runCachedStep(step, ctx) : await runSystemStep(step, ctx);
      if (result.action === 'cached' || result.action === 'found') log(`${result.id} ${result.version}: ${result.action}`);
      if (result.action === 'installed') log(`${result.id} ${result.version}: installed in ${result.seconds}s`);
      results.push(result);
    }
  } finally {
    appendTimings(cache, results);
  }
  return results;
}
