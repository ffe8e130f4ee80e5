// Redis: the Dapr state store and the services' caches and rate limits.
import type { Construct } from 'constructs';
import { DependencyChart, type DependencyChartProps } from './dependency-chart.js';

export const redisPort = 6379;

export class RedisChart extends DependencyChart {
  constructor(scope: Construct, id: string, props: DependencyChartProps) {
    super(scope, id, 'redis', props.namespace, {
      name: 'redis',
      image: props.image,
      user: 999,
      // Development data: no snapshots or append-only file to outlive the pod.
      args: ['redis-server', '--save', '', '--appendonly', 'no'],
      ports: [{ name: 'redis', port: redisPort }],
      writablePaths: ['/data', '/tmp'],
      resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
    });
  }
}
