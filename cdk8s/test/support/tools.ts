// helm and tilt as built by the toolchain (`npm run toolchain -- helm tilt`), found where it puts them.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { toolchainPaths } from '../../../dev/toolchain/paths.js';

export function tool(name: 'helm' | 'tilt'): string {
  // `npm test` passes the binaries it ensured; alone, the tests look where the toolchain puts them.
  const binary = process.env[`COMMERCEX_${name.toUpperCase()}`] || toolchainPaths[name];
  if (!fs.existsSync(binary)) {
    throw new Error(`${name} is not built yet: expected ${binary}. Build it with \`npx tsx dev/toolchain/install.ts ${name}\`.`);
  }
  return binary;
}

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function run(binary: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): RunResult {
  try {
    const stdout = execFileSync(binary, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000, ...options });
    return { code: 0, stdout, stderr: '' };
  } catch (e) {
    const err = e as { status?: number; stdout?: string; stderr?: string };
    return { code: err.status ?? 1, stdout: err.stdout ?? '', stderr: err.stderr ?? String(e) };
  }
}
