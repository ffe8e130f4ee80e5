// Shared by the Go steps: module sources from the proxy, a build dir per step, and checks on what got linked.
import fs from 'node:fs';
import path from 'node:path';
import { run } from '../exec.js';
import type { StepContext } from '../step.js';

/** No go.work from a parent directory may change what these modules resolve to. */
export const goEnv: NodeJS.ProcessEnv = { ...process.env, GOWORK: 'off' };

/** Where `go mod download` unpacked `module@version` (read-only under GOMODCACHE). */
export async function moduleSource(module: string, version: string, ctx: StepContext): Promise<string> {
  const { stdout } = await run('go', ['mod', 'download', '-json', `${module}@${version}`], { env: goEnv, logFile: ctx.logFile })
    .catch((err: Error) => {
      const gap = /403|not available/.test(err.message) ? ' (proxy.golang.org does not serve this version: pick another in versions.ts)' : '';
      throw new Error(`cannot download ${module}@${version}${gap}\n${err.message}`);
    });
  const info = JSON.parse(stdout) as { Dir?: string; Error?: string };
  if (!info.Dir) throw new Error(`go mod download ${module}@${version}: ${info.Error ?? 'no source directory'}`);
  return info.Dir;
}

/** A fresh copy of one of our modules (go.mod, go.sum, *.go), so building never edits the checkout. */
export function copyModule(from: string, to: string): void {
  fs.rmSync(to, { recursive: true, force: true });
  fs.mkdirSync(to, { recursive: true });
  for (const name of fs.readdirSync(from)) {
    if (name === 'go.mod' || name === 'go.sum' || name.endsWith('.go')) fs.copyFileSync(path.join(from, name), path.join(to, name));
  }
}

function makeWritable(target: string): void {
  const stat = fs.lstatSync(target);
  if (stat.isSymbolicLink()) return;
  fs.chmodSync(target, stat.mode | 0o200);
  if (stat.isDirectory()) for (const entry of fs.readdirSync(target)) makeWritable(path.join(target, entry));
}

/**
 * A writable copy of `module@version` at `<buildDir>/<subdir>`, replacing the module in the build dir's go.mod,
 * for sources that need a file changed or added (-overlay cannot touch files under GOMODCACHE).
 */
export async function patchableCopy(module: string, version: string, buildDir: string, subdir: string, ctx: StepContext): Promise<string> {
  const source = await moduleSource(module, version, ctx);
  const copy = path.join(buildDir, subdir);
  fs.rmSync(copy, { recursive: true, force: true });
  fs.cpSync(source, copy, { recursive: true });
  makeWritable(copy);
  await run('go', ['mod', 'edit', '-replace', `${module}=./${subdir}`], { cwd: buildDir, env: goEnv, logFile: ctx.logFile });
  return copy;
}

export interface GoBuild {
  readonly cwd: string;
  /** One package, or several built in one go (an output directory then, ending in /). */
  readonly pkg: string | readonly string[];
  readonly output: string;
  readonly ldflags?: readonly string[];
  /** Added to the Go environment (CGO_ENABLED, say). */
  readonly env?: NodeJS.ProcessEnv;
}

export async function goBuild(b: GoBuild, ctx: StepContext): Promise<void> {
  const ldflags = ['-s', '-w', ...(b.ldflags ?? [])].join(' ');
  // -mod=mod: go.sum may lack lines for modules only our replace directives bring in.
  await run('go', ['build', '-mod=mod', '-trimpath', '-buildvcs=false', '-ldflags', ldflags, '-o', b.output, ...[b.pkg].flat()], { cwd: b.cwd, env: { ...goEnv, ...b.env }, logFile: ctx.logFile });
}

/** Fails unless the binary was linked against `module` at `version` (guards go.mod drifting from versions.ts). */
export async function assertLinked(binary: string, module: string, version: string, ctx: StepContext): Promise<void> {
  const { stdout } = await run('go', ['version', '-m', binary], { env: goEnv, logFile: ctx.logFile });
  // Lines are "\tmod|dep\t<module>\t<version>[\t<sum>]"; a replace adds a "=>" line after, which we ignore.
  const linked = stdout.split('\n').map((l) => l.trim().split(/\s+/))
    .find(([kind, name]) => (kind === 'mod' || kind === 'dep') && name === module);
  if (linked?.[2] !== version) {
    throw new Error(`${binary} is not linked against ${module} ${version} (found ${linked?.[2] ?? 'none'}): update its go.mod or versions.ts`);
  }
}
