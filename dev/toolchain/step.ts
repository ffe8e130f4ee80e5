// What a toolchain step declares; run-step.ts gives every cached step the same build-verify-rename life cycle.
import type { ToolName } from './versions.js';

export type Prerequisite = 'go' | 'java' | 'mvn';

export interface StepContext {
  readonly cache: string;
  /** Build output for this step goes here; it is kept for failed builds only until the next run. */
  readonly logFile: string;
  log(message: string): void;
}

/** A step whose result is a directory `<cache>/<id>-<version>`, built once and reused. */
export interface CachedStep {
  readonly kind: 'cached';
  readonly id: string;
  readonly tool: ToolName;
  readonly version: string;
  /** Shown before a first build, e.g. "~8 min". */
  readonly estimate: string;
  /** Needed only to build; a cached result runs without them. */
  readonly buildNeeds: readonly Prerequisite[];
  /** Needed whenever the tool is used, cached or not. */
  readonly runNeeds?: readonly Prerequisite[];
  /** Files whose content, with `recipe`, decides whether a cached result is still current. */
  readonly inputs: readonly string[];
  /** Anything else the build depends on (flags, generated files), so changing it rebuilds. */
  readonly recipe: string;
  /** The file or directory (relative to the output) whose size the summary reports. */
  readonly artifact: string;
  build(out: string, ctx: StepContext): Promise<void>;
  /** Runs the fresh result before it is renamed into place; returns what it reports about itself. */
  verify(out: string, ctx: StepContext): Promise<string>;
}

/** A step satisfied by the operating system, such as a Debian package. */
export interface SystemStep {
  readonly kind: 'system';
  readonly id: string;
  readonly tool: ToolName;
  /** Returns the version found, installing the package first if it is missing. */
  ensure(ctx: StepContext): Promise<{ version: string; installed: boolean; artifact: string }>;
}

export type Step = CachedStep | SystemStep;

export interface StepResult {
  readonly id: string;
  readonly tool: ToolName;
  readonly version: string;
  readonly action: 'built' | 'cached' | 'installed' | 'found';
  readonly seconds: number;
  readonly bytes: number;
  /** What the tool says about itself (its --version line), when it was checked on this run. */
  readonly reported?: string;
}
