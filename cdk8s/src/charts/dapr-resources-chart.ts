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

  /** One Role per reading app, naming exactly the secrets its Configuration allows: RBAC and Dapr agree per app. */
  private grantSecretReads(): void {
    const labels = standardLabels('secretstore', 'dapr');
    for (const app of this.scopesOf('secretstore')) {
      const config = this.ofKind('Configuration').find((c) => c.name === app);
      const scopes = config ? ((config.toJson() as ConfigurationJson).spec.secrets?.scopes ?? []) : [];
      const secrets = [...new Set(scopes.filter((x) => x.storeName === 'secretstore').flatMap((x) => x.allowedSecrets ?? []))].sort();
      if (secrets.length === 0) continue;
      const name = `secretstore-reader-${app}`;
      new k8s.KubeRole(this, name, {
        metadata: { name, labels },
        rules: [{ apiGroups: [''], resources: ['secrets'], resourceNames: secrets, verbs: ['get'] }],
      });
      new k8s.KubeRoleBinding(this, `${name}-binding`, {
        metadata: { name, labels },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
        subjects: [{ kind: 'ServiceAccount', name: app, namespace: this.namespace }],
      });
    }
  }
}

interface ConfigurationJson {
  spec: { secrets?: { scopes?: { storeName: string; allowedSecrets?: string[] }[] } };
}
