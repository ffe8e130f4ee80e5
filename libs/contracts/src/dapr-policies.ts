// What each sidecar lets through, derived from the service catalog: who may invoke an app, which topics an app may
// publish and subscribe to, which secrets it may read. The self-hosted resources are rendered from these and the
// Kubernetes ones are checked against them, so the two modes enforce the same policy.
import { services, serviceSpec, type HttpVerb, type Operation, type ServiceName } from './service-catalog.js';
import { deadLetterTopic } from './topics.js';

/** The trust domain of every app's identity (spiffe://public/ns/<namespace>/<app>), Dapr's default. */
export const TRUST_DOMAIN = 'public';
export const SECRET_STORE = 'secretstore';

export function callersOf(name: ServiceName): ServiceName[] {
  return services.filter((s) => s.invokes.includes(name)).map((s) => s.name);
}

/** The callee's `spec.accessControl`: every invocation denied but the operations each caller in `namespace` needs. */
export function accessControlFor(name: ServiceName, namespace: string) {
  return {
    defaultAction: 'deny',
    trustDomain: TRUST_DOMAIN,
    policies: callersOf(name).map((appId) => ({
      appId,
      defaultAction: 'deny',
      trustDomain: TRUST_DOMAIN,
      namespace,
      operations: (serviceSpec(appId).calls[name] ?? []).map((o) => ({ name: o.path, httpVerb: [...o.verbs], action: 'allow' })),
    })),
  } as const;
}

/** The operation that decides for `segments`, as Dapr's access control (pkg/config/acl_trie.go) finds it: the first on the path. */
function decidingOperation(operations: readonly Operation[], segments: readonly string[]): Operation | undefined {
  const matches = (o: Operation) => {
    const pattern = o.path.split('/').slice(1);
    // A path ending in a single `*` decides for its own length and for its parent (`/products/*` for `/products`).
    if (pattern.at(-1) === '*') {
      const parent = pattern.slice(0, -1);
      return (segments.length === pattern.length || segments.length === parent.length) && parent.every((p, i) => p === '*' || p === segments[i]);
    }
    return pattern.length <= segments.length && pattern.every((p, i) => p === '*' || p === segments[i]);
  };
  return [...operations].sort((a, b) => a.path.split('/').length - b.path.split('/').length).find(matches);
}

/** Whether the catalog lets `caller` invoke `verb path` on `callee` (`path` concrete, without query), as the sidecar decides. */
export function allowsOperation(caller: ServiceName, callee: ServiceName, verb: HttpVerb, path: string): boolean {
  const segments = path.replace(/^\/+/, '').toLowerCase().split('/');
  return decidingOperation(serviceSpec(caller).calls[callee] ?? [], segments)?.verbs.includes(verb) ?? false;
}

/** Operations of one caller that another of its operations hides (Dapr would never reach them): the catalog keeps none. */
export function shadowedOperations(caller: ServiceName, callee: ServiceName): Operation[] {
  const operations = serviceSpec(caller).calls[callee] ?? [];
  return operations.filter((o) => decidingOperation(operations, o.path.split('/').slice(1)) !== o);
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
