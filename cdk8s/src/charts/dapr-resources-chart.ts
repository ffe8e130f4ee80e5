// The Dapr resources of components/kubernetes/, included as they are, plus the RBAC that lets the
// secret store's apps read exactly the secrets their Configurations allow.
import fs from 'node:fs';
import path from 'node:path';
import { Chart, Include, type ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-34';
import type { Construct } from 'constructs';
import { bindValue } from '../helm/helm-bindings.js';
import { standardLabels } from '../constructs/labels.js';

export interface DaprResourcesChartProps {
  readonly namespace: string;
  /** Directory of the Dapr resource files. */
  readonly directory: string;
}

export class DaprResourcesChart extends Chart {
  readonly resources: ApiObject[];

  constructor(scope: Construct, id: string, props: DaprResourcesChartProps) {
    super(scope, id, { namespace: props.namespace });
    const files = fs.readdirSync(props.directory).filter((f) => f.endsWith('.yaml')).sort();
    if (files.length === 0) throw new Error(`no Dapr resources in ${props.directory}`);
    this.resources = files.flatMap((f) => new Include(this, path.basename(f, '.yaml'), { url: path.join(props.directory, f) }).apiObjects);

    for (const config of this.ofKind('Configuration')) {
      bindValue(config, { pointer: '/spec/tracing/otel/endpointAddress', expression: 'printf "%s:4317" .Values.tracing.host | toJson' });
    }
    this.grantSecretReads();
  }

  /** The app ids a component is scoped to. */
  scopesOf(component: string): string[] {
    const found = this.ofKind('Component').find((c) => c.name === component);
    if (!found) throw new Error(`no Dapr component named ${component}`);
    return [...((found.toJson() as { scopes?: string[] }).scopes ?? [])];
  }

  private ofKind(kind: string): ApiObject[] {
    return this.resources.filter((r) => r.kind === kind);
  }

  private grantSecretReads(): void {
    const readers = this.scopesOf('secretstore');
    const secrets = new Set<string>();
    for (const config of this.ofKind('Configuration').filter((c) => readers.includes(c.name))) {
      const scopes = (config.toJson() as ConfigurationJson).spec.secrets?.scopes ?? [];
      for (const s of scopes.filter((x) => x.storeName === 'secretstore')) s.allowedSecrets?.forEach((name) => secrets.add(name));
    }
    if (secrets.size === 0) return;
    const labels = standardLabels('secretstore', 'dapr');
    new k8s.KubeRole(this, 'secretstore-reader', {
      metadata: { name: 'secretstore-reader', labels },
      rules: [{ apiGroups: [''], resources: ['secrets'], resourceNames: [...secrets].sort(), verbs: ['get'] }],
    });
    new k8s.KubeRoleBinding(this, 'secretstore-readers', {
      metadata: { name: 'secretstore-readers', labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'secretstore-reader' },
      subjects: readers.map((app) => ({ kind: 'ServiceAccount', name: app, namespace: this.namespace })),
    });
  }
}

interface ConfigurationJson {
  spec: { secrets?: { scopes?: { storeName: string; allowedSecrets?: string[] }[] } };
}
