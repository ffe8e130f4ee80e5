// What every scenario needs first: the toolchain, a fresh build, Kafka/Redis/FerretDB and the payment-provider
// simulator on free ports, and services started from dist/ beside their own daprd; stop() ends all of it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startInfra } from '../../dev/stack/infra.js';
import { freePort } from '../../dev/stack/ports.js';
import { renderResources } from '../../dev/stack/resources.js';
import { startSentry } from '../../dev/stack/sentry.js';
import { startServiceProcess, type RunningService } from '../../dev/stack/service-process.js';
import { infraPorts, repoRoot, stackVariables } from '../../dev/stack/settings.js';
import { ensureToolchain } from '../../dev/toolchain/paths.js';
import type { Watched } from './cpu-usage.js';

export const say = (m: string) => console.log(`[bench] ${m}`);

function build(): Promise<void> {
  return new Promise((resolve, reject) => {
    spawn('npx', ['tsc', '-b'], { cwd: repoRoot, stdio: 'inherit' }).once('exit', (code) => (code === 0 ? resolve() : reject(new Error('tsc -b failed'))));
  });
}

export interface BenchStack {
  readonly stateDir: string;
  readonly logDir: string;
  /** The variables the services read (addresses of Kafka, Redis, FerretDB, the payment provider, the secrets file). */
  readonly vars: Record<string, string>;
  start(name: string, env?: Record<string, string>): Promise<RunningService>;
  /** Every process started so far (infrastructure, services, sidecars), for CPU accounting. */
  processes(): Watched[];
  stop(): Promise<void>;
}

export async function startBenchStack(): Promise<BenchStack> {
  const tools = await ensureToolchain(['daprd', 'dapr-control-plane', 'kafka', 'ferretdb', 'redis']);
  say('building the workspace');
  await build();
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'commercex-bench-'));
  const logDir = path.join(stateDir, 'logs');
  const portEnv: NodeJS.ProcessEnv = {};
  for (const v of ['KAFKA_PORT', 'KAFKA_CONTROLLER_PORT', 'REDIS_PORT', 'MONGO_PORT', 'PAYMENT_PROVIDER_PORT']) portEnv[v] = String(await freePort());
  const ports = infraPorts(portEnv);
  say(`starting Kafka, Redis, FerretDB and the payment provider (state in ${stateDir})`);
  const infra = await startInfra({ redisServer: tools.redisServer, ferretdb: tools.ferretdb, kafkaLibs: tools.kafkaLibs }, ports, stateDir);
  const sentry = await startSentry(path.join(tools.daprControlPlane, 'sentry'), await freePort(), stateDir, logDir);
  const vars = stackVariables(ports, stateDir);
  const { resourcesDir, configDir } = renderResources(vars, stateDir);
  const running: RunningService[] = [];
  return {
    stateDir,
    logDir,
    vars,
    async start(name, env = {}) {
      const s = await startServiceProcess({ name, daprd: tools.daprd, resourcesDir, configDir, sentry, logDir, env: { ...vars, LOG_LEVEL: 'warn', OTEL_SDK_DISABLED: 'true', ...env } });
      running.push(s);
      return s;
    },
    processes: () => [
      ...[...infra.processes, sentry.process].map((p) => ({ name: p.name, pid: p.child.pid })),
      ...running.flatMap((s) => [{ name: s.name, pid: s.app.child.pid }, { name: `daprd ${s.name}`, pid: s.sidecar.process.child.pid }]),
    ],
    async stop() {
      say('stopping');
      await Promise.all(running.map((s) => s.stop()));
      await Promise.all([infra.stop(), sentry.stop()]);
      if (process.env.KEEP_BENCH_STATE) say(`logs kept in ${logDir}`);
      else fs.rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
