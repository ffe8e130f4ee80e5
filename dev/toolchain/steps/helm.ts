// helm for `helm lint` and `helm template` on the generated chart.
import path from 'node:path';
import { run } from '../exec.js';
import type { CachedStep, StepContext } from '../step.js';
import { TOOL_VERSIONS } from '../versions.js';
import { assertLinked, goEnv } from './go.js';

const version = TOOL_VERSIONS.helm;
const versionPkg = 'helm.sh/helm/v3/internal/version';
// Helm's source says "v3.22"; its release builds stamp the full version the same way.
const ldflags = `-s -w -X ${versionPkg}.version=v${version} -X ${versionPkg}.gitTreeState=clean`;

async function build(out: string, ctx: StepContext): Promise<void> {
  await run('go', ['install', '-trimpath', '-ldflags', ldflags, `helm.sh/helm/v3/cmd/helm@v${version}`], {
    env: { ...goEnv, GOBIN: out },
    logFile: ctx.logFile,
  });
}

async function verify(out: string, ctx: StepContext): Promise<string> {
  const binary = path.join(out, 'helm');
  const { stdout } = await run(binary, ['version', '--short'], { logFile: ctx.logFile });
  if (stdout.trim() !== `v${version}`) throw new Error(`helm version --short printed "${stdout.trim()}", expected v${version}`);
  await assertLinked(binary, 'helm.sh/helm/v3', `v${version}`, ctx);
  return `helm version --short: ${stdout.trim()}`;
}

export const helmStep: CachedStep = {
  kind: 'cached',
  id: 'helm',
  tool: 'helm',
  version,
  estimate: '~3 min',
  buildNeeds: ['go'],
  inputs: [],
  recipe: ldflags,
  artifact: 'helm',
  build,
  verify,
};
