// The card processor simulator (dev/payment-provider): payments' HTTP binding charges it in development
// clusters, so the test tokens of the API (tok_visa, tok_decline, ...) behave as they do on one machine.
import type { Construct } from 'constructs';
import { DependencyChart, type DependencyChartProps } from './dependency-chart.js';

export const paymentProviderPort = 4010;

export class PaymentProviderChart extends DependencyChart {
  constructor(scope: Construct, id: string, props: DependencyChartProps) {
    super(scope, id, 'paymentProvider', props.namespace, {
      name: 'payment-provider',
      image: props.image,
      user: 1000,
      ports: [{ name: 'http', port: paymentProviderPort }],
      env: { PAYMENT_PROVIDER_PORT: String(paymentProviderPort), PAYMENT_PROVIDER_HOST: '0.0.0.0' },
      resources: { requests: { cpu: '20m', memory: '64Mi' }, limits: { cpu: '250m', memory: '128Mi' } },
    });
  }
}
