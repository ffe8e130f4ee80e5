// The image registry on loopback (CNCF distribution), a daemon that outlives the command that started it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isPortFree } from '../stack/ports.js';
import { toolchainPaths } from '../toolchain/paths.js';
import { alive } from './daemon.js';

export { hasManifest, tagManifest } from './registry-manifests.js';

export const defaultRegistryPort = 5000;

export interface RegistryOptions {
  /** Storage, config, pid file and log live here (the cluster uses `<repo>/.cluster/registry`). */
  readonly dataDir: string;
  /** @default $CLUSTER_REGISTRY_PORT, else 5000 */
  readonly port?: number;
  /** @default 127.0.0.1 */
  readonly host?: string;
  /** @default the toolchain's registry binary */
  readonly binary?: string;
}

export interface RunningRegistry {
  /** `host:port`, the prefix of every image reference pushed to it. */
  readonly address: string;
  readonly pid: number;
  /** False when a registry from the same data dir was already running and is reused. */
  readonly started: boolean;
  readonly logFile: string;
}

function files(dataDir: string) {
  const dir = path.resolve(dataDir);
  return { pid: path.join(dir, 'registry.pid'), log: path.join(dir, 'registry.log'), config: path.join(dir, 'config.yml'), storage: path.join(dir, 'storage') };
}

// Warnings and errors only: at info it logs a line for every request, and a node pulls a lot.
const config = (address: string, storage: string): string => `version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: ${storage}
  delete:
    enabled: true
http:
  addr: ${address}
`;

/** The pid of a live registry serving this data dir's config (its pid file may be stale or missing). */
export function registryPid(dataDir: string): number | undefined {
  const f = files(dataDir);
  try {
    const pid = Number(fs.readFileSync(f.pid, 'utf8').trim());
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return cmdline.includes(f.config) && alive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function addressIn(configFile: string): string | undefined {
  try {
    return /^ {2}addr: (\S+)$/m.exec(fs.readFileSync(configFile, 'utf8'))?.[1];
  } catch {
    return undefined;
  }
}

async function answers(address: string): Promise<boolean> {
  try {
    const res = await fetch(`http://${address}/v2/`, { signal: AbortSignal.timeout(2_000) });
    return res.status === 200 && res.headers.get('docker-distribution-api-version') === 'registry/2.0';
  } catch {
    return false;
  }
}

/** Waits up to 15 s for a starting registry, giving up early if its process is gone. */
async function answersWithin(address: string, pid: number): Promise<boolean> {
  for (let waited = 0; waited < 15_000 && alive(pid); waited += 100) {
    if (await answers(address)) return true;
    await sleep(100);
  }
  return false;
}

/** Starts the registry detached, or reuses the one already serving `dataDir`. */
export async function startRegistry(options: RegistryOptions): Promise<RunningRegistry> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? Number(process.env.CLUSTER_REGISTRY_PORT ?? defaultRegistryPort);
  const address = `${host}:${port}`;
  const f = files(options.dataDir);
  const existing = registryPid(options.dataDir);
  if (existing) {
    const running = addressIn(f.config);
    if (running !== address) throw new Error(`a registry for ${options.dataDir} already runs on ${running} (pid ${existing}); use that address or stop it first (stopRegistry)`);
    if (await answersWithin(address, existing)) return { address, pid: existing, started: false, logFile: f.log };
    throw new Error(`the registry for ${options.dataDir} (pid ${existing}) does not answer on http://${address}/v2/; see ${f.log}, or stop it (stopRegistry)`);
  }
  if (!(await isPortFree(port, host))) {
    throw new Error(`port ${port} on ${host} is already in use, so the image registry cannot listen there; free it or pick another port (CLUSTER_REGISTRY_PORT)`);
  }
  const binary = options.binary ?? toolchainPaths.registry;
  if (!fs.existsSync(binary)) throw new Error(`${binary} is missing: build it with \`npm run toolchain -- registry\``);
  fs.mkdirSync(f.storage, { recursive: true });
  fs.writeFileSync(f.config, config(address, f.storage));
  const log = fs.openSync(f.log, 'a');
  // No tracing backend here: without this the registry retries an OTLP exporter on localhost:4318.
  const child = spawn(binary, ['serve', f.config], {
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, OTEL_TRACES_EXPORTER: 'none', OTEL_SDK_DISABLED: 'true' },
  });
  fs.closeSync(log);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${binary}; see ${f.log}`);
  child.unref();
  fs.writeFileSync(f.pid, `${pid}\n`);
  if (await answersWithin(address, pid)) return { address, pid, started: true, logFile: f.log };
  const tail = fs.readFileSync(f.log, 'utf8').trimEnd().split('\n').slice(-10).join('\n');
  throw new Error(`the registry did not answer on http://${address}/v2/; its log (${f.log}) ends with:\n${tail}`);
}

/** Stops the registry serving `dataDir`; returns false if none was running. */
export async function stopRegistry(dataDir: string): Promise<boolean> {
  const pid = registryPid(dataDir);
  fs.rmSync(files(dataDir).pid, { force: true });
  if (!pid) return false;
  process.kill(pid, 'SIGTERM');
  for (let waited = 0; waited < 10_000; waited += 100) {
    if (!alive(pid)) return true;
    await sleep(100);
  }
  process.kill(pid, 'SIGKILL');
  return true;
}
