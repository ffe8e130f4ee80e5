// Files shipped in a Go module, fetched through the Go module proxy (checksummed by sum.golang.org)
// and kept in the module cache, so a second run reads them from disk.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const cache = new Map<string, string>();

/** The module's directory in the Go module cache, downloading it on first use. */
export function goModuleDir(module: string, version: string): string {
  const key = `${module}@${version}`;
  const known = cache.get(key);
  if (known) return known;
  let out: string;
  try {
    // Run outside any go.mod, so the download is of exactly this module and version.
    out = execFileSync('go', ['mod', 'download', '-json', key], { cwd: os.tmpdir(), encoding: 'utf8', env: { ...process.env, GOFLAGS: '-mod=mod' }, timeout: 300_000 });
  } catch (e) {
    const err = e as { stdout?: string; message: string };
    throw new Error(`go mod download ${key} failed (Go and the module proxy are needed): ${err.stdout || err.message}`, { cause: e });
  }
  const { Dir: dir, Error: error } = JSON.parse(out) as { Dir?: string; Error?: string };
  if (!dir || !fs.existsSync(dir)) throw new Error(`go mod download ${key}: ${error ?? 'no directory'}`);
  cache.set(key, dir);
  return dir;
}

export function goModuleFile(module: string, version: string, file: string): string {
  const full = path.join(goModuleDir(module, version), file);
  if (!fs.existsSync(full)) throw new Error(`${module}@${version} has no ${file}`);
  return full;
}
