// Jaeger all-in-one: OTLP in (gRPC from the sidecars, HTTP from the apps), traces in memory, the UI.
import type { Construct } from 'constructs';
import { DependencyChart, type DependencyChartProps } from './dependency-chart.js';

/** The in-cluster backend's host name, the default of `tracing.host`. */
export const tracingHost = 'jaeger';
export const otlpGrpcPort = 4317;
export const otlpHttpPort = 4318;
export const tracingUiPort = 16686;

export class TracingChart extends DependencyChart {
  constructor(scope: Construct, id: string, props: DependencyChartProps) {
    super(scope, id, 'tracing', props.namespace, {
      name: tracingHost,
      image: props.image,
      user: 10001,
      ports: [
        { name: 'otlp-grpc', port: otlpGrpcPort },
        { name: 'otlp-http', port: otlpHttpPort },
        { name: 'ui', port: tracingUiPort },
      ],
      resources: { requests: { cpu: '50m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
    });
  }
}
