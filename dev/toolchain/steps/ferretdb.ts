// FerretDB v1 (MongoDB wire protocol on SQLite), built as a tool of our own module.
import fs from 'node:fs';
import path from 'node:path';
import { run } from '../exec.js';
import { buildDir, sourcesDir } from '../layout.js';
import type { CachedStep, StepContext } from '../step.js';
import { TOOL_VERSIONS } from '../versions.js';
import { assertLinked, copyModule, goBuild } from './go.js';

const version = TOOL_VERSIONS.ferretdb;
const moduleDir = path.join(sourcesDir, 'ferretdb');
const pkg = 'github.com/FerretDB/FerretDB/cmd/ferretdb';

// `go install ferretdb@v1.24.2` makes FerretDB the main module, and then build/version panics at init
// because the generated version.txt is not in the module zip; as a dependency of ours that check is skipped.
async function build(out: string, ctx: StepContext): Promise<void> {
  const dir = buildDir(ctx.cache, 'ferretdb');
  copyModule(moduleDir, dir);
  await goBuild({ cwd: dir, pkg, output: path.join(out, 'ferretdb') }, ctx);
}

async function verify(out: string, ctx: StepContext): Promise<string> {
  const binary = path.join(out, 'ferretdb');
  // Reaching --version means every package init ran, which is where the plain install panics.
  const { stdout } = await run(binary, ['--version'], { logFile: ctx.logFile });
  await assertLinked(binary, 'github.com/FerretDB/FerretDB', `v${version}`, ctx);
  const reports = stdout.split('\n').find((l) => l.startsWith('version:'))?.trim() ?? stdout.trim();
  return `linked FerretDB v${version}; ferretdb --version: ${reports}`;
}

export const ferretdbStep: CachedStep = {
  kind: 'cached',
  id: 'ferretdb',
  tool: 'ferretdb',
  version,
  estimate: '~3 min',
  buildNeeds: ['go'],
  inputs: ['go.mod', 'go.sum'].map((f) => path.join(moduleDir, f)).filter((f) => fs.existsSync(f)),
  recipe: pkg,
  artifact: 'ferretdb',
  build,
  verify,
};
