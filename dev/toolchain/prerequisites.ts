// Checked before anything builds, so a missing compiler fails in a second with what to install, not minutes in.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { whichSync } from './layout.js';
import type { Prerequisite } from './step.js';

export const MIN_FREE_BYTES = 5 * 1024 ** 3;
const MIN_JAVA = 17;

export class PrerequisiteError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`the toolchain cannot be installed yet:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const HOW_TO_INSTALL: Record<Prerequisite, string> = {
  go: 'Go is needed to build daprd, the dapr CLI, FerretDB, helm and tilt: install Go 1.26 from https://go.dev/dl/ (unpack to /usr/local/go, add /usr/local/go/bin to PATH)',
  java: `Java ${MIN_JAVA} or newer is needed to run Kafka: apt-get install -y openjdk-17-jre-headless`,
  mvn: 'Maven is needed to fetch Kafka from Maven Central: apt-get install -y maven',
};

/** The major version `java -version` reports ("17.0.15" -> 17, "1.8.0_402" -> 8); it prints to stderr. */
function javaMajor(): number | undefined {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  return parseJavaMajor(`${result.stdout ?? ''}${result.stderr ?? ''}`);
}

export function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

function javaProblem(): string | undefined {
  if (!whichSync('java')) return HOW_TO_INSTALL.java;
  const major = javaMajor();
  if (major === undefined) return `could not read the version from \`java -version\`; ${HOW_TO_INSTALL.java}`;
  if (major < MIN_JAVA) return `java on PATH is version ${major}; ${HOW_TO_INSTALL.java} and put it first on PATH (or set it with update-alternatives)`;
  return undefined;
}

export function missingPrerequisites(needs: ReadonlySet<Prerequisite>): string[] {
  const problems: string[] = [];
  for (const need of needs) {
    if (need === 'java') {
      const problem = javaProblem();
      if (problem) problems.push(problem);
    } else if (!whichSync(need)) {
      problems.push(HOW_TO_INSTALL[need]);
    }
  }
  return problems;
}

export function diskProblem(cache: string): string | undefined {
  fs.mkdirSync(cache, { recursive: true });
  const stats = fs.statfsSync(cache);
  const free = stats.bavail * stats.bsize;
  if (free >= MIN_FREE_BYTES) return undefined;
  const gb = (n: number) => (n / 1024 ** 3).toFixed(1);
  return `only ${gb(free)} GB free in ${cache}; the first build needs ${gb(MIN_FREE_BYTES)} GB: free some space, or set COMMERCEX_CACHE to a directory on a bigger disk`;
}
