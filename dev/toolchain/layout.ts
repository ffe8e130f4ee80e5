// Where the toolchain lives on disk: a cache outside the checkout, so every clone on a machine shares it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** dev/toolchain in this checkout: the Go modules and the pom the steps build from. */
export const sourcesDir = path.dirname(fileURLToPath(import.meta.url));

export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (env.COMMERCEX_CACHE) return path.resolve(env.COMMERCEX_CACHE);
  const xdg = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(xdg, 'commercex');
}

/** `<cache>/<id>-<version>`: present only once complete, because builds are renamed into place. */
export function outputDir(cache: string, id: string, version: string): string {
  return path.join(cache, `${id}-${version}`);
}

/** Scratch space that Go and Maven builds may reuse between runs (never read as a result). */
export function buildDir(cache: string, id: string): string {
  return path.join(cache, 'build', id);
}

export function logFile(cache: string, id: string, version: string): string {
  return path.join(cache, 'logs', `${id}-${version}.log`);
}

/** The PATH entries that hold `name`, first match wins, like a shell would. */
export function whichSync(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}
