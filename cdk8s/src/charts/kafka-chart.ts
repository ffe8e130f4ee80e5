// A single-node Kafka in KRaft mode (broker and controller in one process).
import type { Construct } from 'constructs';
import { DependencyChart, type DependencyChartProps } from './dependency-chart.js';

export const kafkaPort = 9092;

export class KafkaChart extends DependencyChart {
  constructor(scope: Construct, id: string, props: DependencyChartProps) {
    super(scope, id, 'kafka', props.namespace, {
      name: 'kafka',
      image: props.image,
      user: 1000,
      ports: [{ name: 'kafka', port: kafkaPort }],
      writablePaths: ['/var/lib/kafka/data', '/tmp'],
      resources: { requests: { cpu: '200m', memory: '768Mi' }, limits: { cpu: '1', memory: '1Gi' } },
      env: {
        // A fixed id: the data directory is fresh on every start anyway.
        CLUSTER_ID: 'Q29tbWVyY2VYS2Fma2EwMQ',
        KAFKA_NODE_ID: '1',
        KAFKA_PROCESS_ROLES: 'broker,controller',
        KAFKA_LISTENERS: `PLAINTEXT://:${kafkaPort},CONTROLLER://:9093`,
        KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://kafka:${kafkaPort}`,
        KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
        KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
        KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
        KAFKA_LOG_DIRS: '/var/lib/kafka/data',
        KAFKA_NUM_PARTITIONS: '3',
        KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
        KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
        KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
        KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
        KAFKA_HEAP_OPTS: '-Xms256m -Xmx512m',
      },
    });
  }
}
