// The CNCF distribution registry, on loopback, that the cluster's node pulls every image from.
import path from 'node:path';
import { run } from '../exec.js';
import type { CachedStep, StepContext } from '../step.js';
import { TOOL_VERSIONS } from '../versions.js';
import { assertLinked, goEnv } from './go.js';

const version = TOOL_VERSIONS.registry;
const module = 'github.com/distribution/distribution/v3';
// Without the stamp `registry --version` says "v3.0.0+unknown", as a plain go install leaves it.
const ldflags = `-s -w -X ${module}/version.version=v${version} -X ${module}/version.mainpkg=${module}`;

async function build(out: string, ctx: StepContext): Promise<void> {
  await run('go', ['install', '-trimpath', '-ldflags', ldflags, `${module}/cmd/registry@v${version}`], {
    env: { ...goEnv, GOBIN: out, CGO_ENABLED: '0' },
    logFile: ctx.logFile,
  });
}

async function verify(out: string, ctx: StepContext): Promise<string> {
  const binary = path.join(out, 'registry');
  const { stdout } = await run(binary, ['--version'], { logFile: ctx.logFile });
  const line = stdout.trim();
  if (!line.endsWith(` v${version}`)) throw new Error(`registry --version printed "${line}", expected it to end with v${version}`);
  await assertLinked(binary, module, `v${version}`, ctx);
  return `registry --version: ${line}`;
}

export const registryStep: CachedStep = {
  kind: 'cached',
  id: 'registry',
  tool: 'registry',
  version,
  estimate: '~3 min',
  buildNeeds: ['go'],
  inputs: [],
  recipe: `${ldflags} CGO_ENABLED=0`,
  artifact: 'registry',
  build,
  verify,
};
