// MongoDB; every service uses its own database on it.
import type { Construct } from 'constructs';
import { DependencyChart, type DependencyChartProps } from './dependency-chart.js';

export const mongodbPort = 27017;

export class MongodbChart extends DependencyChart {
  constructor(scope: Construct, id: string, props: DependencyChartProps) {
    super(scope, id, 'mongodb', props.namespace, {
      name: 'mongodb',
      image: props.image,
      user: 999,
      args: ['--bind_ip_all'],
      ports: [{ name: 'mongodb', port: mongodbPort }],
      writablePaths: ['/data/db', '/data/configdb', '/tmp'],
    });
  }
}
