// FerretDB v1 (MongoDB wire protocol on SQLite), built as a tool of our own module from a patched copy.
import fs from 'node:fs';
import path from 'node:path';
import { run } from '../exec.js';
import { buildDir, sourcesDir } from '../layout.js';
import type { CachedStep, StepContext } from '../step.js';
import { TOOL_VERSIONS } from '../versions.js';
import { assertLinked, copyModule, goBuild, patchableCopy } from './go.js';

const version = TOOL_VERSIONS.ferretdb;
const moduleDir = path.join(sourcesDir, 'ferretdb');
const pkg = 'github.com/FerretDB/FerretDB/cmd/ferretdb';
const versionFile = path.join('build', 'version', 'version.txt');

// build/version panics at init unless build/version/version.txt exists: FerretDB's release tooling generates it
// from git, so it is not in the module zip. A copy of the module gets the file, and stands in for the module.
async function build(out: string, ctx: StepContext): Promise<void> {
  const dir = buildDir(ctx.cache, 'ferretdb');
  copyModule(moduleDir, dir);
  const ferretdb = await patchableCopy('github.com/FerretDB/FerretDB', `v${version}`, dir, 'ferretdb', ctx);
  fs.writeFileSync(path.join(ferretdb, versionFile), `v${version}\n`);
  await goBuild({ cwd: dir, pkg, output: path.join(out, 'ferretdb') }, ctx);
}

async function verify(out: string, ctx: StepContext): Promise<string> {
  const binary = path.join(out, 'ferretdb');
  // Reaching --version means every package init ran, which is where the plain install panics.
  const { stdout } = await run(binary, ['--version'], { logFile: ctx.logFile });
  const reports = stdout.split('\n').find((l) => l.startsWith('version:'))?.trim();
  if (reports !== `version: v${version}`) throw new Error(`ferretdb --version printed "${stdout.trim()}", expected version: v${version}`);
  await assertLinked(binary, 'github.com/FerretDB/FerretDB', `v${version}`, ctx);
  return `ferretdb --version: ${reports}`;
}

export const ferretdbStep: CachedStep = {
  kind: 'cached',
  id: 'ferretdb',
  tool: 'ferretdb',
  version,
  estimate: '~3 min',
  buildNeeds: ['go'],
  inputs: ['go.mod', 'go.sum'].map((f) => path.join(moduleDir, f)).filter((f) => fs.existsSync(f)),
  recipe: `${pkg} ${versionFile}`,
  artifact: 'ferretdb',
  build,
  verify,
};
