// The dapr CLI for `dapr run -f`: it only launches the daprd it finds under the runtime path.
import fs from 'node:fs';
import path from 'node:path';
import { run } from '../exec.js';
import { outputDir } from '../layout.js';
import type { CachedStep, StepContext } from '../step.js';
import { TOOL_VERSIONS } from '../versions.js';
import { assertLinked, goEnv } from './go.js';

const version = TOOL_VERSIONS.dapr;
const ldflags = `-s -w -X main.version=${version}`;

async function build(out: string, ctx: StepContext): Promise<void> {
  // go install names the binary after the module's last element: "cli".
  await run('go', ['install', '-trimpath', '-ldflags', ldflags, `github.com/dapr/cli@v${version}`], {
    env: { ...goEnv, GOBIN: out },
    logFile: ctx.logFile,
  });
  fs.renameSync(path.join(out, 'cli'), path.join(out, 'dapr'));
}

async function verify(out: string, ctx: StepContext): Promise<string> {
  const binary = path.join(out, 'dapr');
  const runtimePath = outputDir(ctx.cache, 'dapr-runtime', TOOL_VERSIONS.daprd);
  const { stdout } = await run(binary, ['version', '--runtime-path', runtimePath], { logFile: ctx.logFile });
  if (!stdout.includes(`CLI version: ${version}`)) throw new Error(`dapr version printed "${stdout.trim()}", expected CLI version ${version}`);
  await assertLinked(binary, 'github.com/dapr/cli', `v${version}`, ctx);
  return stdout.trim().replace(/\s*\n\s*/g, ', ');
}

export const daprCliStep: CachedStep = {
  kind: 'cached',
  id: 'dapr',
  tool: 'dapr',
  version,
  estimate: '~3 min',
  buildNeeds: ['go'],
  inputs: [],
  recipe: ldflags,
  artifact: 'dapr',
  build,
  verify,
};
