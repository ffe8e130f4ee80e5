// daprd 1.18.3 linked with only our components: dapr's module copied beside ours with its "no tags" panic removed.
import fs from 'node:fs';
import path from 'node:path';
import { run } from '../exec.js';
import { buildDir, sourcesDir } from '../layout.js';
import type { CachedStep, StepContext } from '../step.js';
import { TOOL_VERSIONS } from '../versions.js';
import { assertLinked, copyModule, goBuild, patchableCopy } from './go.js';

const version = TOOL_VERSIONS.daprd;
const moduleDir = path.join(sourcesDir, 'daprd');
const buildinfo = 'github.com/dapr/dapr/pkg/buildinfo';
/** The same stamps as dapr's Makefile: --version reads buildinfo, every log line's "ver" field reads the logger's. */
export const daprStamps = (version: string): string[] => [
  `-X ${buildinfo}.version=${version}`,
  `-X ${buildinfo}.gitversion=v${version}`,
  `-X ${buildinfo}.gitcommit=v${version}`,
  `-X github.com/dapr/kit/logger.DaprVersion=${version}`,
];
const ldflags = daprStamps(version);
// Without build tags this file panics at init; the tags that silence it would link every cloud SDK.
const noTagFile = path.join('cmd', 'daprd', 'components', 'zz_notag.go');

async function build(out: string, ctx: StepContext): Promise<void> {
  const dir = buildDir(ctx.cache, 'daprd');
  copyModule(moduleDir, dir);
  const dapr = await patchableCopy('github.com/dapr/dapr', `v${version}`, dir, 'dapr', ctx);
  if (!fs.existsSync(path.join(dapr, noTagFile))) throw new Error(`dapr v${version} has no ${noTagFile}; revisit steps/daprd.ts`);
  fs.writeFileSync(path.join(dapr, noTagFile), 'package components\n');
  // Static, as dapr's Makefile builds it (CGO ?= 0): it runs in the sidecar image as well as here.
  await goBuild({ cwd: dir, pkg: '.', output: path.join(out, 'daprd'), ldflags, env: { CGO_ENABLED: '0' } }, ctx);
}

async function verify(out: string, ctx: StepContext): Promise<string> {
  const binary = path.join(out, 'daprd');
  const { stdout } = await run(binary, ['--version'], { logFile: ctx.logFile });
  if (stdout.trim() !== version) throw new Error(`daprd --version printed "${stdout.trim()}", expected ${version}`);
  await assertLinked(binary, 'github.com/dapr/dapr', `v${version}`, ctx);
  return `daprd --version: ${stdout.trim()}`;
}

export const daprdStep: CachedStep = {
  kind: 'cached',
  id: 'daprd',
  tool: 'daprd',
  version,
  estimate: '~8 min',
  buildNeeds: ['go'],
  inputs: fs.readdirSync(moduleDir).filter((f) => f === 'go.mod' || f === 'go.sum' || f.endsWith('.go')).sort().map((f) => path.join(moduleDir, f)),
  recipe: `${ldflags.join(' ')} empty:${noTagFile} CGO_ENABLED=0`,
  artifact: 'daprd',
  build,
  verify,
};
