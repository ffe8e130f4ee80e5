// Build into a sibling temp dir, verify, then rename into place: an interrupted build never looks complete.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { acquireLock } from './lock.js';
import { outputDir } from './layout.js';
import type { CachedStep, StepContext, StepResult } from './step.js';

const MARKER = '.toolchain.json';

interface Marker {
  readonly id: string;
  readonly version: string;
  readonly fingerprint: string;
  readonly builtAt: string;
  readonly seconds: number;
  readonly reported: string;
}

export function fingerprint(step: CachedStep): string {
  const hash = createHash('sha256').update(`${step.id}\0${step.version}\0${step.recipe}\0`);
  for (const file of step.inputs) hash.update(`${path.basename(file)}\0`).update(fs.readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

function readMarker(dir: string): Marker | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8')) as Marker;
  } catch {
    return undefined;
  }
}

export function isCurrent(step: CachedStep, cache: string): boolean {
  return readMarker(outputDir(cache, step.id, step.version))?.fingerprint === fingerprint(step);
}

/** Bytes on disk under `target`; symlinks count as themselves, not as what they point at. */
export function sizeOf(target: string): number {
  const stat = fs.lstatSync(target);
  if (!stat.isDirectory()) return stat.size;
  return fs.readdirSync(target).reduce((sum, entry) => sum + sizeOf(path.join(target, entry)), 0);
}

function elapsed(since: number): number {
  return Math.round((performance.now() - since) / 100) / 10;
}

/** Swaps `fresh` in for `dir`; a stale `dir` is moved aside first so the name is never half-written. */
function renameIntoPlace(fresh: string, dir: string): void {
  if (!fs.existsSync(dir)) {
    fs.renameSync(fresh, dir);
    return;
  }
  const aside = `${path.join(path.dirname(dir), '.stale-')}${path.basename(dir)}-${process.pid}`;
  fs.renameSync(dir, aside);
  fs.renameSync(fresh, dir);
  fs.rmSync(aside, { recursive: true, force: true });
}

export async function runCachedStep(step: CachedStep, ctx: StepContext): Promise<StepResult> {
  const started = performance.now();
  const dir = outputDir(ctx.cache, step.id, step.version);
  const label = `${step.id} ${step.version}`;
  const base = { id: step.id, tool: step.tool, version: step.version };
  if (isCurrent(step, ctx.cache)) {
    return { ...base, action: 'cached', seconds: elapsed(started), bytes: sizeOf(path.join(dir, step.artifact)) };
  }
  const release = await acquireLock(ctx.cache, 'build', ctx.log);
  try {
    // Another process may have built it while this one waited for the lock.
    if (isCurrent(step, ctx.cache)) {
      ctx.log(`${label}: built by another process`);
      return { ...base, action: 'cached', seconds: elapsed(started), bytes: sizeOf(path.join(dir, step.artifact)) };
    }
    const why = fs.existsSync(dir) ? 'inputs changed' : 'first run';
    ctx.log(`${label}: building (${why}, ${step.estimate})…`);
    const fresh = `${path.join(ctx.cache, '.partial-')}${step.id}-${step.version}`;
    fs.rmSync(fresh, { recursive: true, force: true });
    fs.mkdirSync(fresh, { recursive: true });
    fs.rmSync(ctx.logFile, { force: true });
    const heartbeat = setInterval(() => ctx.log(`${label}: still building (${Math.round(elapsed(started) / 60)} min so far)…`), 60_000);
    heartbeat.unref();
    try {
      await step.build(fresh, ctx);
      const reported = await step.verify(fresh, ctx);
      const seconds = elapsed(started);
      const marker: Marker = { id: step.id, version: step.version, fingerprint: fingerprint(step), builtAt: new Date().toISOString(), seconds, reported };
      fs.writeFileSync(path.join(fresh, MARKER), `${JSON.stringify(marker, null, 2)}\n`);
      renameIntoPlace(fresh, dir);
      ctx.log(`${label}: done in ${seconds}s (${reported})`);
      return { ...base, action: 'built', seconds, bytes: sizeOf(path.join(dir, step.artifact)), reported };
    } catch (err) {
      fs.rmSync(fresh, { recursive: true, force: true });
      throw err;
    } finally {
      clearInterval(heartbeat);
    }
  } finally {
    release();
  }
}
