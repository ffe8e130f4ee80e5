// The dapr CLI for `dapr run -f`: it only launches the daprd it finds under the runtime path.
import fs from 'node:fs';
import path from 'node:path';
import { run } from '../exec.js';
import { buildDir, outputDir, sourcesDir } from '../layout.js';
import type { CachedStep, StepContext } from '../step.js';
import { TOOL_VERSIONS } from '../versions.js';
import { assertLinked, copyModule, goBuild } from './go.js';

const version = TOOL_VERSIONS.dapr;
const moduleDir = path.join(sourcesDir, 'dapr-cli');
const pkg = 'github.com/dapr/cli';
// The CLI's Makefile stamps its version the same way; without it `dapr version` prints an empty CLI version.
const ldflags = [`-X main.version=${version}`];

async function build(out: string, ctx: StepContext): Promise<void> {
  const dir = buildDir(ctx.cache, 'dapr-cli');
  copyModule(moduleDir, dir);
  await goBuild({ cwd: dir, pkg, output: path.join(out, 'dapr'), ldflags }, ctx);
}

async function verify(out: string, ctx: StepContext): Promise<string> {
  const binary = path.join(out, 'dapr');
  const runtimePath = outputDir(ctx.cache, 'dapr-runtime', TOOL_VERSIONS.daprd);
  const { stdout } = await run(binary, ['version', '--runtime-path', runtimePath], { logFile: ctx.logFile });
  if (!stdout.includes(`CLI version: ${version}`)) throw new Error(`dapr version printed "${stdout.trim()}", expected CLI version ${version}`);
  await assertLinked(binary, pkg, `v${version}`, ctx);
  return stdout.trim().replace(/\s*\n\s*/g, ', ');
}

export const daprCliStep: CachedStep = {
  kind: 'cached',
  id: 'dapr',
  tool: 'dapr',
  version,
  estimate: '~8 min',
  buildNeeds: ['go'],
  inputs: ['go.mod', 'go.sum'].map((f) => path.join(moduleDir, f)).filter((f) => fs.existsSync(f)),
  recipe: `${pkg} ${ldflags.join(' ')}`,
  artifact: 'dapr',
  build,
  verify,
};
