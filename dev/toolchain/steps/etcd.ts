// The etcd server the local cluster's apiserver stores everything in, built as a tool of our module (etcd's has replace lines).
import fs from 'node:fs';
import path from 'node:path';
import { run } from '../exec.js';
import { buildDir, sourcesDir } from '../layout.js';
import type { CachedStep, StepContext } from '../step.js';
import { TOOL_VERSIONS } from '../versions.js';
import { assertLinked, copyModule, goEnv } from './go.js';

const version = TOOL_VERSIONS.etcd;
const moduleDir = path.join(sourcesDir, 'etcd');
const pkg = 'go.etcd.io/etcd/server/v3';
// etcd's release script stamps the commit; the version itself is a constant in api/v3/version.
const ldflags = `-s -w -X go.etcd.io/etcd/api/v3/version.GitSHA=v${version}`;

async function build(out: string, ctx: StepContext): Promise<void> {
  const dir = buildDir(ctx.cache, 'etcd');
  copyModule(moduleDir, dir);
  // Static, as etcd's releases are, so the same binary also runs in an image without libc.
  await run('go', ['build', '-mod=mod', '-trimpath', '-buildvcs=false', '-ldflags', ldflags, '-o', path.join(out, 'etcd'), pkg], {
    cwd: dir,
    env: { ...goEnv, CGO_ENABLED: '0' },
    logFile: ctx.logFile,
  });
}

async function verify(out: string, ctx: StepContext): Promise<string> {
  const binary = path.join(out, 'etcd');
  const { stdout } = await run(binary, ['--version'], { logFile: ctx.logFile });
  const line = stdout.split('\n').find((l) => l.startsWith('etcd Version:'))?.trim();
  if (line !== `etcd Version: ${version}`) throw new Error(`etcd --version printed "${stdout.trim()}", expected etcd Version: ${version}`);
  await assertLinked(binary, pkg, `v${version}`, ctx);
  return `etcd --version: ${line}`;
}

export const etcdStep: CachedStep = {
  kind: 'cached',
  id: 'etcd',
  tool: 'etcd',
  version,
  estimate: '~2 min',
  buildNeeds: ['go'],
  inputs: ['go.mod', 'go.sum'].map((f) => path.join(moduleDir, f)).filter((f) => fs.existsSync(f)),
  recipe: `${pkg} ${ldflags} CGO_ENABLED=0`,
  artifact: 'etcd',
  build,
  verify,
};
