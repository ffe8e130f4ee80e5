// metrics-server, so `kubectl top` and HorizontalPodAutoscalers have resource metrics on the local cluster.
import path from 'node:path';
import { run } from '../exec.js';
import type { CachedStep, StepContext } from '../step.js';
import { TOOL_VERSIONS } from '../versions.js';
import { assertLinked, goEnv } from './go.js';

const version = TOOL_VERSIONS['metrics-server'];
const module = 'sigs.k8s.io/metrics-server';
const versionPkg = 'k8s.io/client-go/pkg/version';
// The stamps of metrics-server's Makefile (VERSION_LDFLAGS); without them --version prints v0.0.0-master+$Format:%H$.
const ldflags = `-s -w -X ${versionPkg}.gitVersion=v${version} -X ${versionPkg}.gitCommit=v${version} -X ${versionPkg}.buildDate=1970-01-01T00:00:00Z`;

async function build(out: string, ctx: StepContext): Promise<void> {
  await run('go', ['install', '-trimpath', '-ldflags', ldflags, `${module}/cmd/metrics-server@v${version}`], {
    env: { ...goEnv, GOBIN: out, CGO_ENABLED: '0' },
    logFile: ctx.logFile,
  });
}

async function verify(out: string, ctx: StepContext): Promise<string> {
  const binary = path.join(out, 'metrics-server');
  const { stdout } = await run(binary, ['--version'], { logFile: ctx.logFile });
  if (stdout.trim() !== `v${version}`) throw new Error(`metrics-server --version printed "${stdout.trim()}", expected v${version}`);
  await assertLinked(binary, module, `v${version}`, ctx);
  return `metrics-server --version: ${stdout.trim()}`;
}

export const metricsServerStep: CachedStep = {
  kind: 'cached',
  id: 'metrics-server',
  tool: 'metrics-server',
  version,
  estimate: '~6 min',
  buildNeeds: ['go'],
  inputs: [],
  recipe: `${ldflags} CGO_ENABLED=0`,
  artifact: 'metrics-server',
  build,
  verify,
};
