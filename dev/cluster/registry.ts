// The image registry on loopback (CNCF distribution), a daemon that outlives the command that started it.
import fs from 'node:fs';
import path from 'node:path';
import { isPortFree } from '../stack/ports.js';
import { toolchainPaths } from '../toolchain/paths.js';
import { ensureDaemon, logOf, runningPid, stopDaemon, type DaemonDirs } from './daemon.js';

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

// The daemon's pid file and log live in the data dir, beside its config and storage.
const dirsOf = (dataDir: string): DaemonDirs => ({ pids: path.resolve(dataDir), logs: path.resolve(dataDir) });

function files(dataDir: string) {
  const dir = path.resolve(dataDir);
  return { config: path.join(dir, 'config.yml'), storage: path.join(dir, 'storage') };
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

/** The pid of the registry serving this data dir, if it runs. */
export function registryPid(dataDir: string): number | undefined {
  return runningPid(dirsOf(dataDir), 'registry');
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

/** Starts the registry detached, or reuses the one already serving `dataDir`. */
export async function startRegistry(options: RegistryOptions): Promise<RunningRegistry> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? Number(process.env.CLUSTER_REGISTRY_PORT ?? defaultRegistryPort);
  const address = `${host}:${port}`;
  const dirs = dirsOf(options.dataDir);
  const f = files(options.dataDir);
  const logFile = logOf(dirs, 'registry');
  const binary = options.binary ?? toolchainPaths.registry;
  const existing = registryPid(options.dataDir);
  if (existing) {
    const running = addressIn(f.config);
    if (running !== address) throw new Error(`a registry for ${options.dataDir} already runs on ${running} (pid ${existing}); use that address or stop it first (stopRegistry)`);
  } else {
    if (!(await isPortFree(port, host))) {
      throw new Error(`port ${port} on ${host} is already in use, so the image registry cannot listen there; free it or pick another port (CLUSTER_REGISTRY_PORT)`);
    }
    if (!fs.existsSync(binary)) throw new Error(`${binary} is missing: build it with \`npm run toolchain -- registry\``);
    fs.mkdirSync(f.storage, { recursive: true });
    fs.writeFileSync(f.config, config(address, f.storage));
  }
  // No tracing backend here: without this the registry retries an OTLP exporter on localhost:4318.
  const spec = { name: 'registry', command: binary, args: ['serve', f.config], env: { ...process.env, OTEL_TRACES_EXPORTER: 'none', OTEL_SDK_DISABLED: 'true' } };
  const pid = await ensureDaemon(dirs, spec, `answering on http://${address}/v2/`, () => answers(address), () => undefined, 15_000);
  return { address, pid, started: existing === undefined, logFile };
}

/** Stops the registry serving `dataDir`; returns false if none was running. */
export function stopRegistry(dataDir: string): Promise<boolean> {
  return stopDaemon(dirsOf(dataDir), 'registry');
}
