// helm for `helm lint` and `helm template` on the generated chart, and for installs on the local cluster.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../exec.js';
import type { CachedStep, StepContext } from '../step.js';
import { TOOL_VERSIONS } from '../versions.js';
import { assertLinked, goEnv, moduleSource } from './go.js';

const version = TOOL_VERSIONS.helm;
const versionPkg = 'helm.sh/helm/v3/internal/version';
// Helm's source says "v3.22"; its release builds stamp the full version the same way.
const ldflags = `-s -w -X ${versionPkg}.version=v${version} -X ${versionPkg}.gitTreeState=clean`;

/**
 * The Kubernetes version `helm template` assumes without --kube-version: helm's Makefile derives it from the client-go
 * it links (v0.N.x is Kubernetes 1.N); left unset it is v1.20, which refuses charts that require 1.34.
 */
async function defaultKubeVersion(ctx: StepContext): Promise<string[]> {
  const goMod = fs.readFileSync(path.join(await moduleSource('helm.sh/helm/v3', `v${version}`, ctx), 'go.mod'), 'utf8');
  const minor = /^\s*k8s\.io\/client-go v0\.(\d+)\./m.exec(goMod)?.[1];
  if (!minor) throw new Error(`helm v${version}'s go.mod names no k8s.io/client-go v0.N: revisit steps/helm.ts`);
  return ['chartutil', 'lint/rules'].flatMap((pkg) => [`-X helm.sh/helm/v3/pkg/${pkg}.k8sVersionMajor=1`, `-X helm.sh/helm/v3/pkg/${pkg}.k8sVersionMinor=${minor}`]);
}

async function build(out: string, ctx: StepContext): Promise<void> {
  const flags = [ldflags, ...(await defaultKubeVersion(ctx))].join(' ');
  await run('go', ['install', '-trimpath', '-ldflags', flags, `helm.sh/helm/v3/cmd/helm@v${version}`], {
    env: { ...goEnv, GOBIN: out },
    logFile: ctx.logFile,
  });
}

async function verify(out: string, ctx: StepContext): Promise<string> {
  const binary = path.join(out, 'helm');
  const { stdout } = await run(binary, ['version', '--short'], { logFile: ctx.logFile });
  if (stdout.trim() !== `v${version}`) throw new Error(`helm version --short printed "${stdout.trim()}", expected v${version}`);
  await assertLinked(binary, 'helm.sh/helm/v3', `v${version}`, ctx);
  // A chart that needs Kubernetes 1.34 renders without --kube-version, as with a release build.
  const chart = fs.mkdtempSync(path.join(os.tmpdir(), 'helm-kube-version-'));
  fs.writeFileSync(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: probe\nversion: 0.1.0\nkubeVersion: ">=1.34.0-0"\n');
  try {
    await run(binary, ['template', 'probe', chart], { logFile: ctx.logFile });
  } finally {
    fs.rmSync(chart, { recursive: true, force: true });
  }
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
  recipe: `${ldflags} k8sVersion from client-go`,
  artifact: 'helm',
  build,
  verify,
};
