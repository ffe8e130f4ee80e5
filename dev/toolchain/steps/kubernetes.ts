// The local cluster's Kubernetes binaries, from k8s.io/kubernetes through our module (its staging modules replaced
// by their published releases), stamped with the release version as hack/lib/version.sh does.
import fs from 'node:fs';
import path from 'node:path';
import { run } from '../exec.js';
import { buildDir, sourcesDir } from '../layout.js';
import type { CachedStep, StepContext } from '../step.js';
import { TOOL_VERSIONS } from '../versions.js';
import { assertLinked, copyModule, goBuild } from './go.js';

const version = TOOL_VERSIONS.kubernetes;
const moduleDir = path.join(sourcesDir, 'kubernetes');
export const KUBERNETES_BINARIES = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubelet', 'kube-proxy', 'kubectl', 'kubeadm'] as const;

// Without these the binaries say v0.0.0-master, which Helm's kubeVersion checks and version-skew checks refuse.
const [major, minor] = version.split('.');
const stamps = { gitVersion: `v${version}`, gitMajor: major, gitMinor: minor, gitTreeState: 'clean', gitCommit: `v${version}`, buildDate: '1970-01-01T00:00:00Z' };
const ldflags = Object.entries(stamps).flatMap(([key, value]) => [
  `-X k8s.io/component-base/version.${key}=${value}`,
  `-X k8s.io/client-go/pkg/version.${key}=${value}`,
]);

async function build(out: string, ctx: StepContext): Promise<void> {
  const dir = buildDir(ctx.cache, 'kubernetes');
  copyModule(moduleDir, dir);
  // One go build for all of them: they share most packages, so the compile happens once.
  await goBuild({ cwd: dir, pkg: KUBERNETES_BINARIES.map((b) => `k8s.io/kubernetes/cmd/${b}`), output: `${out}/`, ldflags }, ctx);
}

async function verify(out: string, ctx: StepContext): Promise<string> {
  for (const binary of KUBERNETES_BINARIES) {
    const file = path.join(out, binary);
    const args = binary === 'kubectl' ? ['version', '--client'] : binary === 'kubeadm' ? ['version', '-o', 'short'] : ['--version'];
    const { stdout } = await run(file, args, { logFile: ctx.logFile });
    if (!stdout.includes(`v${version}`)) throw new Error(`${binary} ${args.join(' ')} printed "${stdout.trim()}", expected v${version}`);
  }
  await assertLinked(path.join(out, 'kubelet'), 'k8s.io/kubernetes', `v${version}`, ctx);
  return `kubelet --version: Kubernetes v${version}`;
}

export const kubernetesStep: CachedStep = {
  kind: 'cached',
  id: 'kubernetes',
  tool: 'kubernetes',
  version,
  estimate: '~12 min',
  buildNeeds: ['go'],
  inputs: ['go.mod', 'go.sum'].map((f) => path.join(moduleDir, f)).filter((f) => fs.existsSync(f)),
  recipe: `${KUBERNETES_BINARIES.join(',')} ${ldflags.join(' ')}`,
  artifact: '.',
  build,
  verify,
};
