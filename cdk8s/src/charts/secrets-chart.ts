// The secrets the services and Dapr components read. The plain manifests carry development values;
// the Helm chart renders connections from values and generates tokens once, keeping them on upgrade.
import { ApiObject, Chart } from 'cdk8s';
import { Secret } from 'cdk8s-plus-34';
import type { Construct } from 'constructs';
import { standardLabels } from '../constructs/labels.js';
import { bindValue, renderOnlyIf, stringValue } from '../helm/helm-bindings.js';
import { paymentProviderUrl, simulatorUrl, type DeploySettings } from '../settings.js';

/** Secret keys of `connections`, and the settings field each comes from. */
export const connectionKeys = {
  'kafka-brokers': 'kafkaBrokers',
  'kafka-auth-type': 'kafkaAuthType',
  'kafka-sasl-username': 'kafkaSaslUsername',
  'kafka-sasl-password': 'kafkaSaslPassword',
  'kafka-disable-tls': 'kafkaDisableTls',
  'mongodb-uri': 'mongodbUri',
  'redis-url': 'redisUrl',
  'redis-host': 'redisHost',
  'redis-password': 'redisPassword',
  'redis-enable-tls': 'redisEnableTls',
  'payment-provider-url': 'paymentProviderUrl',
} as const satisfies Record<string, keyof DeploySettings['connections']>;

/** Secrets holding one generated value each, with their development value for the plain manifests. */
export const generatedSecrets = {
  'dapr-api-token': { key: 'token', development: 'dev-only-dapr-api-token-change-me' },
  'app-api-token': { key: 'token', development: 'dev-only-app-api-token-change-me' },
  'jwt-signing-key': { key: 'jwt-signing-key', development: 'dev-only-signing-key-change-me-0123456789abcdef' },
} as const;

/** The administrator users seeds: email from the settings, password generated like the tokens. */
export const adminSecret = { name: 'admin', development: 'dev-only-admin-password-change-me' } as const;

// The URL if set, else the simulator while it is on; `or` stops at the first true argument, so fail runs only when neither is.
const providerUrlExpression = `or .Values.connections.paymentProviderUrl (and .Values.paymentProvider.enabled "${simulatorUrl}") `
  + '(fail "connections.paymentProviderUrl is required when paymentProvider.enabled is false: set it to your payment provider\'s URL") | toString | toJson';

/** Generated on install, then read back so upgrades keep the value that pods already use. */
const generatedOnce = (name: string, key: string) =>
  `dig "data" "${key}" "" (lookup "v1" "Secret" .Release.Namespace "${name}") | b64dec | default (randAlphaNum 48) | toJson`;

export interface SecretsChartProps {
  readonly namespace: string;
  readonly settings: DeploySettings;
}

export class SecretsChart extends Chart {
  constructor(scope: Construct, id: string, props: SecretsChartProps) {
    super(scope, id, { namespace: props.namespace });
    const labels = standardLabels('commercex', 'secrets');
    const c = props.settings.connections;

    if (c.create) {
      const connections = new Secret(this, 'connections', {
        metadata: { name: 'connections', labels },
        stringData: { ...Object.fromEntries(Object.entries(connectionKeys).map(([key, field]) => [key, c[field]])), 'payment-provider-url': paymentProviderUrl(props.settings) },
      });
      renderOnlyIf(connections, '.Values.connections.create');
      for (const [key, field] of Object.entries(connectionKeys)) {
        const expression = field === 'paymentProviderUrl' ? providerUrlExpression : stringValue(`connections.${field}`);
        bindValue(ApiObject.of(connections), { pointer: `/stringData/${key}`, expression });
      }
    }

    if (props.settings.secrets.create) {
      for (const [name, { key, development }] of Object.entries(generatedSecrets)) {
        const secret = new Secret(this, name, { metadata: { name, labels }, stringData: { [key]: development } });
        renderOnlyIf(secret, '.Values.secrets.create');
        bindValue(ApiObject.of(secret), { pointer: `/stringData/${key}`, expression: generatedOnce(name, key) });
      }
      const admin = new Secret(this, adminSecret.name, {
        metadata: { name: adminSecret.name, labels },
        stringData: { email: props.settings.administrator.email, password: adminSecret.development },
      });
      renderOnlyIf(admin, '.Values.secrets.create');
      bindValue(ApiObject.of(admin), { pointer: '/stringData/email', expression: stringValue('administrator.email') });
      bindValue(ApiObject.of(admin), { pointer: '/stringData/password', expression: generatedOnce(adminSecret.name, 'password') });
    }
  }
}
