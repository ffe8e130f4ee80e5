// A single-node KRaft Kafka broker on loopback, from the Maven-resolved classpath in the toolchain cache.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { spawnManaged, type ManagedProcess } from './managed-process.js';
import { waitForPort } from './ports.js';

const run = promisify(execFile);

export interface KafkaOptions {
  readonly libsDir: string;
  readonly dataDir: string;
  readonly logDir: string;
  readonly port: number;
  readonly controllerPort: number;
}

function serverProperties(o: KafkaOptions): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${o.controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${o.port},CONTROLLER://127.0.0.1:${o.controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${o.port}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name=PLAINTEXT',
    `log.dirs=${path.join(o.dataDir, 'logs')}`,
    // One broker: every internal topic has a single replica.
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    // Topics appear on first use with room for per-aggregate ordering.
    'auto.create.topics.enable=true',
    'num.partitions=3',
    // A consumer group forms at once instead of waiting for more members.
    'group.initial.rebalance.delay.ms=0',
    '',
  ].join('\n');
}

const log4j2 = `Configuration:
  status: warn
  Appenders:
    Console:
      name: STDOUT
      PatternLayout:
        Pattern: "[%d] %p %m (%c)%n"
  Loggers:
    Root:
      level: warn
      AppenderRef:
        - ref: STDOUT
    Logger:
      - name: kafka.server.KafkaRaftServer
        level: info
`;

/**
 * Kafka's cluster ids are 16 random bytes in URL-safe base64 without padding. Like Kafka's own Uuid.randomUuid(), never
 * one that starts with '-': the storage tool would read it as an option (1 start in 64 failed that way).
 */
export function clusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function javaArgs(o: KafkaOptions, mainClass: string, args: string[]): string[] {
  return [
    '-Xms128m', '-Xmx512m', '-XX:+UseG1GC', '-XX:TieredStopAtLevel=1',
    `-Dlog4j2.configurationFile=${path.join(o.dataDir, 'log4j2.yaml')}`,
    '-cp', path.join(o.libsDir, '*'),
    mainClass, ...args,
  ];
}

export async function startKafka(o: KafkaOptions): Promise<ManagedProcess> {
  fs.mkdirSync(o.dataDir, { recursive: true });
  const props = path.join(o.dataDir, 'server.properties');
  fs.writeFileSync(props, serverProperties(o));
  fs.writeFileSync(path.join(o.dataDir, 'log4j2.yaml'), log4j2);
  if (!fs.existsSync(path.join(o.dataDir, 'logs', 'meta.properties'))) {
    await run('java', javaArgs(o, 'kafka.tools.StorageTool', ['format', '-t', clusterId(), '-c', props, '--ignore-formatted']));
  }
  const broker = spawnManaged('kafka', 'java', javaArgs(o, 'kafka.Kafka', [props]), { logDir: o.logDir });
  await Promise.race([
    waitForPort(o.port, 'Kafka', 60_000),
    broker.exited.then((code) => { throw new Error(`Kafka exited with code ${code}; see ${broker.logFile}`); }),
  ]);
  return broker;
}
