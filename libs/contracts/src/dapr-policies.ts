// What each sidecar lets through, derived from the service catalog: who may invoke an app, which topics an app may
// publish and subscribe to, which secrets it may read. The self-hosted resources are rendered from these and the
// Kubernetes ones are checked against them, so the two modes enforce the same policy.
import { services, serviceSpec, type ServiceName } from './service-catalog.js';
import { deadLetterTopic } from './topics.js';

/** The trust domain of every app's identity (spiffe://public/ns/<namespace>/<app>), Dapr's default. */
export const TRUST_DOMAIN = 'public';
export const SECRET_STORE = 'secretstore';

export function callersOf(name: ServiceName): ServiceName[] {
  return services.filter((s) => s.invokes.includes(name)).map((s) => s.name);
}

/** The callee's `spec.accessControl`: every invocation denied but from the catalog's callers in `namespace`. */
export function accessControlFor(name: ServiceName, namespace: string) {
  return {
    defaultAction: 'deny',
    trustDomain: TRUST_DOMAIN,
    policies: callersOf(name).map((appId) => ({ appId, defaultAction: 'allow', trustDomain: TRUST_DOMAIN, namespace })),
  } as const;
}

/** The app's `spec.secrets.scopes`: nothing from the store but the secrets the catalog names. */
export function secretScopesFor(name: ServiceName) {
  const allowed = serviceSpec(name).secrets;
  return [{ storeName: SECRET_STORE, defaultAccess: 'deny', ...(allowed.length > 0 ? { allowedSecrets: [...allowed] } : {}) }] as const;
}

/** Apps the secret store component is scoped to: only they can load it at all. */
export const secretReaders: readonly ServiceName[] = services.filter((s) => s.secrets.length > 0).map((s) => s.name);

/** Apps the pub/sub component is scoped to. */
export const pubsubApps: readonly ServiceName[] = services.filter((s) => s.publishes.length + s.subscribes.length > 0).map((s) => s.name);

/** Each app publishes its own topics and the dead-letter topics of what it consumes. */
export function publishedTopics(name: ServiceName): string[] {
  const s = serviceSpec(name);
  return [...s.publishes, ...s.subscribes.map(deadLetterTopic)];
}

/** The Kafka component's `publishingScopes` value: `app=topic,topic;app=...`. */
export function publishingScopes(): string {
  return pubsubApps.map((app) => `${app}=${publishedTopics(app).join(',')}`).join(';');
}

/** The Kafka component's `subscriptionScopes` value. */
export function subscriptionScopes(): string {
  return pubsubApps.map((app) => `${app}=${serviceSpec(app).subscribes.join(',')}`).join(';');
}
