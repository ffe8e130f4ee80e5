// Starts Kafka, Redis, FerretDB and the payment-provider simulator side by side and stops them together.
import path from 'node:path';
import { startFerretDb, startRedis } from './datastores.js';
import { startKafka } from './kafka.js';
import type { ManagedProcess } from './managed-process.js';
import { spawnManaged } from './managed-process.js';
import { assertPortsFree, waitForPort } from './ports.js';
import { repoRoot, type InfraPorts } from './settings.js';

export interface InfraBinaries {
  readonly redisServer: string;
  readonly ferretdb: string;
  readonly kafkaLibs: string;
}

export interface Infra {
  readonly processes: readonly ManagedProcess[];
  stop(): Promise<void>;
}

export async function startInfra(bins: InfraBinaries, ports: InfraPorts, stateDir: string): Promise<Infra> {
  await assertPortsFree([ports.kafka, ports.kafkaController, ports.redis, ports.mongo, ports.paymentProvider]);
  const logDir = path.join(stateDir, 'logs');
  const results = await Promise.allSettled([
    startRedis(bins.redisServer, ports.redis.port, path.join(stateDir, 'redis'), logDir),
    startFerretDb(bins.ferretdb, ports.mongo.port, path.join(stateDir, 'ferretdb'), logDir),
    startKafka({
      libsDir: bins.kafkaLibs,
      dataDir: path.join(stateDir, 'kafka'),
      logDir,
      port: ports.kafka.port,
      controllerPort: ports.kafkaController.port,
    }),
    startPaymentProvider(ports.paymentProvider.port, logDir),
  ]);
  const processes = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const stop = async () => {
    await Promise.all(processes.map((p) => p.stop()));
  };
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason instanceof Error ? r.reason.message : r.reason)] : []));
  if (failures.length > 0) {
    await stop();
    throw new Error(`infrastructure did not start:\n${failures.join('\n')}`);
  }
  return { processes, stop };
}

/** The simulated card processor (dev/payment-provider), standing in for the external API. */
async function startPaymentProvider(port: number, logDir: string): Promise<ManagedProcess> {
  const env = { ...process.env, PAYMENT_PROVIDER_PORT: String(port) };
  const p = spawnManaged('payment-provider', process.execPath, ['--import', 'tsx', 'dev/payment-provider/main.ts'], { cwd: repoRoot, env, logDir });
  await Promise.race([
    waitForPort(port, 'payment-provider', 30_000),
    p.exited.then((code) => { throw new Error(`payment-provider exited with code ${code}; see ${p.logFile}`); }),
  ]);
  return p;
}
