// The namespace of the plain manifests. Helm installs into the release's namespace instead.
import { Chart } from 'cdk8s';
import { Namespace } from 'cdk8s-plus-34';
import type { Construct } from 'constructs';
import { renderOnlyIf } from '../helm/helm-bindings.js';

export interface NamespaceChartProps {
  readonly namespace: string;
}

export class NamespaceChart extends Chart {
  constructor(scope: Construct, id: string, props: NamespaceChartProps) {
    super(scope, id);
    new Namespace(this, 'namespace', {
      metadata: {
        name: props.namespace,
        labels: {
          'app.kubernetes.io/part-of': 'commercex',
          // Enforcing "restricted" needs Dapr's injector to drop the sidecar's capabilities; warn until it does.
          'pod-security.kubernetes.io/enforce': 'baseline',
          'pod-security.kubernetes.io/warn': 'restricted',
          'pod-security.kubernetes.io/audit': 'restricted',
        },
      },
    });
    renderOnlyIf(this, 'false');
  }
}
