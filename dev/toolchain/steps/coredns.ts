// CoreDNS, the cluster DNS, with every plugin of its default build (plugin.cfg: kubernetes, forward, cache, ...).
import path from 'node:path';
import { run } from '../exec.js';
import type { CachedStep, StepContext } from '../step.js';
import { TOOL_VERSIONS } from '../versions.js';
import { assertLinked, goEnv } from './go.js';

const version = TOOL_VERSIONS.coredns;
const module = 'github.com/coredns/coredns';
// The plugins the Corefile that kubeadm writes uses: a build without one of them would refuse that Corefile.
export const COREDNS_PLUGINS = ['errors', 'health', 'ready', 'kubernetes', 'prometheus', 'forward', 'cache', 'loop', 'reload', 'loadbalance'] as const;
// CoreDNS's Makefile stamps the commit the same way; the version is a constant in coremain.
const ldflags = `-s -w -X ${module}/coremain.GitCommit=v${version}`;

async function build(out: string, ctx: StepContext): Promise<void> {
  // No replace lines in its go.mod, so a plain install works; static, like the release binaries.
  await run('go', ['install', '-trimpath', '-ldflags', ldflags, `${module}@v${version}`], {
    env: { ...goEnv, GOBIN: out, CGO_ENABLED: '0' },
    logFile: ctx.logFile,
  });
}

async function verify(out: string, ctx: StepContext): Promise<string> {
  const binary = path.join(out, 'coredns');
  const { stdout } = await run(binary, ['-version'], { logFile: ctx.logFile });
  const line = stdout.split('\n')[0]?.trim();
  if (line !== `CoreDNS-${version}`) throw new Error(`coredns -version printed "${stdout.trim()}", expected CoreDNS-${version}`);
  const { stdout: plugins } = await run(binary, ['-plugins'], { logFile: ctx.logFile });
  const linked = new Set(plugins.split('\n').map((l) => l.trim()));
  const missing = COREDNS_PLUGINS.filter((p) => !linked.has(p));
  if (missing.length > 0) throw new Error(`coredns lacks the plugins ${missing.join(', ')}: check plugin.cfg in ${module}@v${version}`);
  await assertLinked(binary, module, `v${version}`, ctx);
  return `coredns -version: ${line}`;
}

export const corednsStep: CachedStep = {
  kind: 'cached',
  id: 'coredns',
  tool: 'coredns',
  version,
  estimate: '~5 min',
  buildNeeds: ['go'],
  inputs: [],
  recipe: `${ldflags} CGO_ENABLED=0`,
  artifact: 'coredns',
  build,
  verify,
};
