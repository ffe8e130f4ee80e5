// Starts a real daprd beside an app, on free ports, for tests and tools that run apps in-process.
import path from 'node:path';
import { spawnManaged, tailLog, type ManagedProcess } from './managed-process.js';
import { freePort } from './ports.js';
import { mtlsEnv, type Sentry } from './sentry.js';

export interface SidecarOptions {
  readonly daprd: string;
  readonly appId: string;
  /** None: a sidecar alone, which publishes and invokes under the app id but receives nothing. */
  readonly appPort?: number;
  readonly resourcesDir: string;
  readonly configFile: string;
  /** The stack's sentry: the sidecar gets its identity there and talks mTLS to the others. */
  readonly sentry: Pick<Sentry, 'address' | 'trustAnchors'>;
  readonly logDir: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly appApiToken?: string;
  /** Fixed ports, when the app must know them before the sidecar starts. */
  readonly httpPort?: number;
  readonly grpcPort?: number;
}

export interface Sidecar {
  readonly appId: string;
  readonly httpPort: number;
  readonly grpcPort: number;
  readonly process: ManagedProcess;
  stop(): Promise<void>;
}

export async function waitForSidecar(httpPort: number, timeoutMs: number, logFile: string, exited?: Promise<unknown>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void exited?.then(() => { gone = true; });
  while (Date.now() < deadline && !gone) {
    try {
      // outbound: components are initialized, whether or not the app is up yet.
      const res = await fetch(`http://127.0.0.1:${httpPort}/v1.0/healthz/outbound`);
      if (res.status === 204) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`daprd on port ${httpPort} ${gone ? 'exited' : 'was not ready in time'}; last log lines:\n${tailLog(logFile)}`);
}

export async function startSidecar(o: SidecarOptions): Promise<Sidecar> {
  const httpPort = o.httpPort ?? (await freePort());
  const grpcPort = o.grpcPort ?? (await freePort());
  const [internalPort, metricsPort] = [await freePort(), await freePort()];
  const args = [
    '--app-id', o.appId,
    ...(o.appPort === undefined ? [] : ['--app-port', String(o.appPort), '--app-protocol', 'http']),
    '--dapr-http-port', String(httpPort),
    '--dapr-grpc-port', String(grpcPort),
    '--dapr-internal-grpc-port', String(internalPort),
    '--metrics-port', String(metricsPort),
    '--resources-path', o.resourcesDir,
    '--config', o.configFile,
    '--placement-host-address', '',
    '--scheduler-host-address', '',
    '--log-as-json',
    '--log-level', 'info',
    '--dapr-graceful-shutdown-seconds', '2',
    '--enable-mtls', '--sentry-address', o.sentry.address,
  ];
  const env = { ...process.env, ...o.env, ...mtlsEnv(o.sentry), ...(o.appApiToken ? { APP_API_TOKEN: o.appApiToken } : {}) };
  const proc = spawnManaged(`daprd-${o.appId}-${httpPort}`, o.daprd, args, { logDir: o.logDir, env, cwd: path.dirname(o.resourcesDir) });
  try {
    await waitForSidecar(httpPort, 30_000, proc.logFile, proc.exited);
  } catch (err) {
    await proc.stop();
    throw err;
  }
  return { appId: o.appId, httpPort, grpcPort, process: proc, stop: () => proc.stop('SIGTERM', 5_000) };
}
