// Dapr's control plane (operator, sentry, injector, placement, scheduler) for the chart's images, from daprd's module.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { run } from '../exec.js';
import { buildDir, sourcesDir } from '../layout.js';
import type { CachedStep, StepContext } from '../step.js';
import { TOOL_VERSIONS } from '../versions.js';
import { daprStamps } from './daprd.js';
import { assertLinked, copyModule, goEnv, patchableCopy } from './go.js';

const version = TOOL_VERSIONS['dapr-control-plane'];
// daprd's module pins dapr and every dependency: the same go.mod keeps both builds on one set of versions.
const moduleDir = path.join(sourcesDir, 'daprd');
export const DAPR_CONTROL_PLANE_BINARIES = ['operator', 'sentry', 'injector', 'placement', 'scheduler'] as const;
// Each binary logs buildinfo's version when it starts.
const ldflags = ['-s', '-w', ...daprStamps(version)].join(' ');

async function build(out: string, ctx: StepContext): Promise<void> {
  if (TOOL_VERSIONS.daprd !== version) throw new Error(`dapr-control-plane ${version} differs from daprd ${TOOL_VERSIONS.daprd}: set both to one version in versions.ts`);
  const dir = buildDir(ctx.cache, 'dapr-control-plane');
  copyModule(moduleDir, dir);
  // The same module and dapr copy as daprd's build: built with the same CGO setting, their packages share the Go build cache.
  const dapr = await patchableCopy('github.com/dapr/dapr', `v${version}`, dir, 'dapr', ctx);
  mergeSums(path.join(dapr, 'go.sum'), path.join(dir, 'go.sum'));
  const pkgs = DAPR_CONTROL_PLANE_BINARIES.map((b) => `github.com/dapr/dapr/cmd/${b}`);
  // CGO off, as dapr's Makefile builds them: the images hold nothing but the binary, no libc.
  await run('go', ['build', '-mod=mod', '-trimpath', '-buildvcs=false', '-ldflags', ldflags, '-o', `${out}/`, ...pkgs], {
    cwd: dir,
    env: { ...goEnv, CGO_ENABLED: '0' },
    logFile: ctx.logFile,
  });
}

/**
 * Adds dapr's own go.sum lines: the packages only the control plane imports (scheduler's go-etcd-cron, placement's
 * raft) are missing from daprd's go.sum, and the checksum database does not answer for every one of them.
 */
function mergeSums(from: string, into: string): void {
  const lines = new Set([...fs.readFileSync(into, 'utf8').split('\n'), ...fs.readFileSync(from, 'utf8').split('\n')]);
  lines.delete('');
  fs.writeFileSync(into, `${[...lines].sort().join('\n')}\n`);
}

// Kubernetes mode stops these two before their servers start when run as root; the others stop without a cluster.
const SHORT_LIVED_ARGS: Partial<Record<string, readonly string[]>> = { placement: ['--mode', 'kubernetes'], scheduler: ['--mode', 'kubernetes'] };

/** None of them has --version; the first line each one logs is "Starting Dapr … -- version <buildinfo version>". */
function startupVersion(binary: string, logFile: string): Promise<string> {
  const args = ['--log-as-json', ...(SHORT_LIVED_ARGS[path.basename(binary)] ?? [])];
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, KUBECONFIG: '/nonexistent' } });
    let output = '';
    let settled = false;
    const settle = (err?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      fs.appendFileSync(logFile, `\n$ ${binary} ${args.join(' ')}\n${output}`);
      const found = /-- version (\S+) --/.exec(output)?.[1];
      if (found) resolve(found);
      else reject(err ?? new Error(`${binary} did not log its version; output:\n${output.slice(0, 2000)}`));
    };
    // Killed as soon as the line is read: a non-root run would otherwise go on to open its ports.
    const timer = setTimeout(() => settle(new Error(`${binary} logged no version within 20 s; see ${logFile}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (/-- version \S+ --/.test(output)) settle();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (err) => settle(err));
    child.once('close', () => settle());
  });
}

async function verify(out: string, ctx: StepContext): Promise<string> {
  for (const name of DAPR_CONTROL_PLANE_BINARIES) {
    const binary = path.join(out, name);
    const reported = await startupVersion(binary, ctx.logFile);
    if (reported !== version) throw new Error(`${name} logs version ${reported}, expected ${version}: check the -X stamps in steps/dapr-control-plane.ts`);
    const { stdout } = await run('go', ['version', '-m', binary], { env: goEnv, logFile: ctx.logFile });
    if (!/\bCGO_ENABLED=0\b/.test(stdout)) throw new Error(`${binary} was linked with cgo: it would not start in an image without libc`);
    await assertLinked(binary, 'github.com/dapr/dapr', `v${version}`, ctx);
  }
  return `${DAPR_CONTROL_PLANE_BINARIES.join(', ')} log version ${version}`;
}

export const daprControlPlaneStep: CachedStep = {
  kind: 'cached',
  id: 'dapr-control-plane',
  tool: 'dapr-control-plane',
  version,
  estimate: '~6 min',
  buildNeeds: ['go'],
  inputs: ['go.mod', 'go.sum'].map((f) => path.join(moduleDir, f)).filter((f) => fs.existsSync(f)),
  recipe: `${DAPR_CONTROL_PLANE_BINARIES.join(',')} ${ldflags} CGO_ENABLED=0`,
  artifact: '.',
  build,
  verify,
};
