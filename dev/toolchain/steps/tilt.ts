// tilt, for `tilt up` and for evaluating the Tiltfile without a cluster, with its web UI embedded; the largest build.
import fs from 'node:fs';
import path from 'node:path';
import { run } from '../exec.js';
import { buildDir, sourcesDir } from '../layout.js';
import type { CachedStep, StepContext } from '../step.js';
import { TOOL_VERSIONS } from '../versions.js';
import { assertLinked, copyModule, goBuild, patchableCopy } from './go.js';
import { assertServesUi } from './tilt-serves-ui.js';
import { buildWebAssets, webRecipe } from './tilt-web.js';

const version = TOOL_VERSIONS.tilt;
const moduleDir = path.join(sourcesDir, 'tilt');
const pkg = 'github.com/tilt-dev/tilt/cmd/tilt';

async function build(out: string, ctx: StepContext): Promise<void> {
  const dir = buildDir(ctx.cache, 'tilt');
  copyModule(moduleDir, dir);
  // The module zip has the UI's source but not the built files pkg/assets embeds, and release tilt refuses to start without them.
  const tilt = await patchableCopy('github.com/tilt-dev/tilt', `v${version}`, dir, 'tilt', ctx);
  await buildWebAssets(tilt, `tilt ${version}`, ctx);
  // cmd/tilt's version and date are set by goreleaser in releases; without them tilt calls itself a dev build.
  const date = new Date().toISOString().slice(0, 10);
  await goBuild({ cwd: dir, pkg, output: path.join(out, 'tilt'), ldflags: [`-X main.version=${version}`, `-X main.date=${date}`] }, ctx);
}

async function verify(out: string, ctx: StepContext): Promise<string> {
  const binary = path.join(out, 'tilt');
  const { stdout } = await run(binary, ['version'], { logFile: ctx.logFile });
  if (!stdout.startsWith(`v${version},`)) throw new Error(`tilt version printed "${stdout.trim()}", expected v${version}`);
  await assertLinked(binary, 'github.com/tilt-dev/tilt', `v${version}`, ctx);
  const ui = await assertServesUi(binary, ctx);
  return `tilt version: ${stdout.trim()}; ${ui}`;
}

export const tiltStep: CachedStep = {
  kind: 'cached',
  id: 'tilt',
  tool: 'tilt',
  version,
  estimate: '~9 min',
  buildNeeds: ['go'],
  inputs: ['go.mod', 'go.sum'].map((f) => path.join(moduleDir, f)).filter((f) => fs.existsSync(f)),
  recipe: `${pkg} -X main.version=${version} ${webRecipe}`,
  artifact: 'tilt',
  build,
  verify,
};
