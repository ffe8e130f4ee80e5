// Runs one service from its built output beside its own real daprd, as the stack and system tests do.
import path from 'node:path';
import { spawnManaged, tailLog, type ManagedProcess } from './managed-process.js';
import { freePort } from './ports.js';
import { configFileFor } from './resources.js';
import type { Sentry } from './sentry.js';
import { startSidecar, type Sidecar } from './sidecar.js';
import { repoRoot } from './settings.js';

export interface ServiceProcessOptions {
  readonly name: string;
  readonly daprd: string;
  readonly resourcesDir: string;
  /** Where renderResources() wrote each app's Configuration. */
  readonly configDir: string;
  readonly sentry: Pick<Sentry, 'address' | 'trustAnchors'>;
  readonly logDir: string;
  readonly env: Record<string, string>;
  readonly appPort?: number;
}

export interface RunningService {
  readonly name: string;
  readonly appPort: number;
  readonly sidecar: Sidecar;
  readonly app: ManagedProcess;
  readonly url: string;
  /** What the sidecar sends in dapr-api-token; a test calling the app directly sends it too. */
  readonly appApiToken: string;
  /** SIGTERM both (graceful), or SIGKILL the app to simulate a crash. */
  stop(how?: 'graceful' | 'crash'): Promise<void>;
}

export async function waitForHttp(url: string, timeoutMs: number, what: string, logFile: string, exited?: Promise<unknown>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void exited?.then(() => { gone = true; });
  let last = '';
  while (Date.now() < deadline && !gone) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = `${res.status} ${await res.text()}`;
    } catch (err) {
      last = String(err);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} ${gone ? 'exited' : 'was not ready in time'} (${last}); last log lines:\n${tailLog(logFile)}`);
}

export async function startServiceProcess(o: ServiceProcessOptions): Promise<RunningService> {
  const appPort = o.appPort ?? (await freePort());
  const daprHttpPort = await freePort();
  const daprGrpcPort = await freePort();
  const appApiToken = `app-${o.name}-${appPort}`;
  const serviceDir = path.join(repoRoot, 'services', o.name);
  const env = {
    ...process.env,
    ...o.env,
    SERVICE_NAME: o.name,
    APP_PORT: String(appPort),
    PORT: String(appPort),
    DAPR_HTTP_PORT: String(daprHttpPort),
    DAPR_GRPC_PORT: String(daprGrpcPort),
    APP_API_TOKEN: appApiToken,
  };
  const app = spawnManaged(`${o.name}-${appPort}`, process.execPath, ['dist/main.js'], { cwd: serviceDir, env, logDir: o.logDir });
  let sidecar: Sidecar;
  try {
    sidecar = await startSidecar({
      daprd: o.daprd,
      appId: o.name,
      appPort,
      resourcesDir: o.resourcesDir,
      configFile: configFileFor(o.configDir, o.name),
      sentry: o.sentry,
      logDir: o.logDir,
      env: { ...env, DAPR_HTTP_PORT: String(daprHttpPort) },
      appApiToken,
      httpPort: daprHttpPort,
      grpcPort: daprGrpcPort,
    });
    await waitForHttp(`http://127.0.0.1:${appPort}/ready`, 60_000, `service ${o.name}`, app.logFile, app.exited);
  } catch (err) {
    await app.stop();
    throw err;
  }
  return {
    name: o.name,
    appPort,
    sidecar,
    app,
    url: `http://127.0.0.1:${appPort}`,
    appApiToken,
    async stop(how = 'graceful') {
      if (how === 'crash') await app.stop('SIGKILL');
      else await app.stop('SIGTERM', 15_000);
      await sidecar.stop();
    },
  };
}
