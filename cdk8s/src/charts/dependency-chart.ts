// Base of the in-cluster development dependencies: one DevDependency, rendered by Helm only while
// `<values key>.enabled` is true, with its image taken from `<values key>.image`.
import { ApiObject, Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { DevDependency, type DevDependencyProps } from '../constructs/dev-dependency.js';
import { bindValue, renderOnlyIf, stringValue } from '../helm/helm-bindings.js';

export interface DependencyChartProps {
  readonly namespace: string;
  readonly image: string;
}

export abstract class DependencyChart extends Chart {
  readonly dependency: DevDependency;

  protected constructor(scope: Construct, id: string, valuesKey: string, namespace: string, dependency: DevDependencyProps) {
    super(scope, id, { namespace });
    this.dependency = new DevDependency(this, dependency.name, dependency);
    renderOnlyIf(this, `.Values.${valuesKey}.enabled`);
    bindValue(ApiObject.of(this.dependency.deployment), {
      pointer: `/spec/template/spec/containers/[name=${dependency.name}]/image`,
      expression: stringValue(`${valuesKey}.image`),
    });
  }
}
