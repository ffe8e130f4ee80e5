// Redis and FerretDB (the MongoDB wire protocol on SQLite) on loopback.
import fs from 'node:fs';
import path from 'node:path';
import { spawnManaged, type ManagedProcess } from './managed-process.js';
import { waitForPort } from './ports.js';

async function ready(p: ManagedProcess, port: number, what: string): Promise<ManagedProcess> {
  await Promise.race([
    waitForPort(port, what, 30_000),
    p.exited.then((code) => { throw new Error(`${what} exited with code ${code}; see ${p.logFile}`); }),
  ]);
  return p;
}

export function startRedis(bin: string, port: number, dataDir: string, logDir: string): Promise<ManagedProcess> {
  fs.mkdirSync(dataDir, { recursive: true });
  // Kept in memory only: the stack's Redis holds caches, rate limits and carts of a dev session.
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dataDir];
  return ready(spawnManaged('redis', bin, args, { logDir }), port, 'Redis');
}

export function startFerretDb(bin: string, port: number, dataDir: string, logDir: string): Promise<ManagedProcess> {
  fs.mkdirSync(dataDir, { recursive: true });
  const args = [
    `--listen-addr=127.0.0.1:${port}`,
    '--handler=sqlite',
    `--sqlite-url=file:${dataDir}${path.sep}`,
    '--telemetry=disable',
    '--log-level=warn',
    `--state-dir=${dataDir}`,
    '--debug-addr=-',
  ];
  return ready(spawnManaged('ferretdb', bin, args, { logDir }), port, 'FerretDB');
}
