// Starts Kafka, Redis and FerretDB side by side and stops them together.
import path from 'node:path';
import { startFerretDb, startRedis } from './datastores.js';
import { startKafka } from './kafka.js';
import type { ManagedProcess } from './managed-process.js';
import { assertPortsFree } from './ports.js';
import type { InfraPorts } from './settings.js';

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
  await assertPortsFree([ports.kafka, ports.kafkaController, ports.redis, ports.mongo]);
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
