// MongoDB (or any MongoDB-wire database); every service uses its own database on it. No arguments: the official
// image's entrypoint already listens on every interface, and the local cluster's FerretDB image takes none.
import type { Construct } from 'constructs';
import { DependencyChart, type DependencyChartProps } from './dependency-chart.js';

export const mongodbPort = 27017;

export class MongodbChart extends DependencyChart {
  constructor(scope: Construct, id: string, props: DependencyChartProps) {
    super(scope, id, 'mongodb', props.namespace, {
      name: 'mongodb',
      image: props.image,
      user: 999,
      ports: [{ name: 'mongodb', port: mongodbPort }],
      writablePaths: ['/data/db', '/data/configdb', '/tmp'],
    });
  }
}
