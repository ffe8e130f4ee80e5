// components/kubernetes/ agrees with the service catalog, through the same policies the self-hosted resources are
// rendered from (libs/contracts/src/dapr-policies.ts), and the app includes those files as they are.
import fs from 'node:fs';
import path from 'node:path';
import { accessControlFor, deadLetterTopic, publishingScopes, secretReaders, secretScopesFor, subscriptionScopes } from '@commercex/contracts';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/app.js';
import { services } from '../src/catalog.js';
import { defaultSettings } from '../src/settings.js';
import { synth, type K8sObject } from './support/synth.js';

const dir = path.join(repoRoot, 'components/kubernetes');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
const resources = files.flatMap((f) => parseAllDocuments(fs.readFileSync(path.join(dir, f), 'utf8')).map((d) => d.toJS() as K8sObject));
const component = (name: string) => resources.find((r) => r.kind === 'Component' && r.metadata.name === name)!;
const meta = (c: K8sObject, name: string) => (c.spec.metadata as { name: string; value?: string; secretKeyRef?: { name: string; key: string } }[]).find((m) => m.name === name);
const scopeMap = (value: string) =>
  Object.fromEntries(value.replaceAll(/\s/g, '').split(';').map((entry) => {
    const [app, topics] = entry.split('=');
    return [app!, topics ? topics.split(',') : []];
  }));
const pubsubApps = services.filter((s) => s.publishes.length + s.subscribes.length > 0);

describe('Dapr resources for Kubernetes', () => {
  it('when listed, then there is one file per building block plus the resiliency policies and sidecar configurations', () => {
    expect(files).toEqual(['configuration.yaml', 'payment-provider.yaml', 'pubsub.yaml', 'resiliency.yaml', 'secretstore.yaml', 'statestore.yaml']);
    expect(component('pubsub').spec.type).toBe('pubsub.kafka');
    expect(component('statestore').spec.type).toBe('state.redis');
    expect(component('secretstore').spec.type).toBe('secretstores.kubernetes');
    expect(component('payment-provider').spec.type).toBe('bindings.http');
  });

  it('when Kafka is the broker, then the component declares its version, matching the in-cluster broker image', () => {
    expect(meta(component('pubsub'), 'version')?.value).toBe('4.3.1');
    expect(defaultSettings.kafka.image).toBe('apache/kafka:4.3.1');
  });

  it('when apps publish, then each may publish only its own topics and the dead-letter topics of what it consumes', () => {
    const scopes = scopeMap(meta(component('pubsub'), 'publishingScopes')!.value!);
    expect(scopes).toEqual(Object.fromEntries(pubsubApps.map((s) => [s.name, [...s.publishes, ...s.subscribes.map(deadLetterTopic)]])));
    expect(scopes).toEqual(scopeMap(publishingScopes()));
  });

  it('when apps subscribe, then each may subscribe only to its own topics', () => {
    const scopes = scopeMap(meta(component('pubsub'), 'subscriptionScopes')!.value!);
    expect(scopes).toEqual(Object.fromEntries(pubsubApps.map((s) => [s.name, [...s.subscribes]])));
    expect(scopes).toEqual(scopeMap(subscriptionScopes()));
    expect(component('pubsub').scopes).toEqual(pubsubApps.map((s) => s.name));
  });

  it('when components connect, then addresses and credentials come from the connections secret', () => {
    for (const [name, field] of [['pubsub', 'brokers'], ['pubsub', 'saslPassword'], ['statestore', 'redisHost'], ['statestore', 'redisPassword'], ['payment-provider', 'url']] as const) {
      expect(meta(component(name), field)?.secretKeyRef?.name).toBe('connections');
    }
  });

  it('when one app invokes another, then only the callers in the catalog are allowed by the callee\'s configuration', () => {
    for (const spec of services) {
      const config = resources.find((r) => r.kind === 'Configuration' && r.metadata.name === spec.name)!;
      const callers = services.filter((s) => s.invokes.includes(spec.name)).map((s) => s.name);
      expect(config.spec.accessControl.defaultAction).toBe('deny');
      expect(config.spec.accessControl.policies.map((p: { appId: string; defaultAction: string }) => [p.appId, p.defaultAction])).toEqual(callers.map((c) => [c, 'deny']));
      expect(config.spec.accessControl).toEqual(accessControlFor(spec.name, 'commercex'));
      expect(config.spec.tracing.otel.endpointAddress).toBe('jaeger:4317');
      expect(config.spec.metrics.enabled).toBe(true);
    }
  });

  it('when a sidecar reads secrets, then only the secret store\'s apps may, each only the secrets it needs, in Dapr and in RBAC', () => {
    const readers = component('secretstore').scopes as string[];
    const needs: Record<string, string[]> = { gateway: ['jwt-signing-key'], users: ['admin', 'jwt-signing-key'] };
    expect([...readers].sort()).toEqual(Object.keys(needs));
    expect(readers).toEqual(secretReaders);
    for (const config of resources.filter((r) => r.kind === 'Configuration')) {
      expect(config.spec.secrets.scopes).toEqual(secretScopesFor(config.metadata.name));
      const [scope] = config.spec.secrets.scopes;
      expect(scope).toMatchObject({ storeName: 'secretstore', defaultAccess: 'deny' });
      expect([...(scope.allowedSecrets ?? [])].sort()).toEqual(needs[config.metadata.name] ?? []);
    }
    const app = synth();
    for (const [reader, secrets] of Object.entries(needs)) {
      expect(app.get('Role', `secretstore-reader-${reader}`).rules).toEqual([{ apiGroups: [''], resources: ['secrets'], resourceNames: secrets, verbs: ['get'] }]);
      expect(app.get('RoleBinding', `secretstore-reader-${reader}`).subjects).toEqual([{ kind: 'ServiceAccount', name: reader, namespace: 'commercex' }]);
    }
  });

  it('when the cdk8s app synthesizes, then it includes every file\'s resources unchanged but for the namespace', () => {
    const included = synth().byChart.get('dapr-resources')!.filter((o) => o.apiVersion.startsWith('dapr.io/'));
    expect(included).toEqual(resources.map((r) => ({ ...r, metadata: { ...r.metadata, namespace: 'commercex' } })));
  });

  it('when services call the sidecar, then the resiliency policies cover every invoked app, the payment binding and delivery', () => {
    const targets = resources.find((r) => r.kind === 'Resiliency')!.spec.targets;
    const invoked = [...new Set(services.flatMap((s) => s.invokes))].sort();
    expect(Object.keys(targets.apps).sort()).toEqual(expect.arrayContaining(invoked));
    expect(targets.components['payment-provider'].outbound).toMatchObject({ retry: 'paymentRetry', circuitBreaker: 'paymentBreaker' });
    expect(targets.components.pubsub.inbound.retry).toBe('deliveryRetry');
  });
});
