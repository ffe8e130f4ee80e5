// The one list of deployables: names, ports and who may talk to whom.
// The self-hosted stack, the cdk8s app and the Dapr resources are all derived from it.
import { allTopics, deadLetterTopic } from './topics.js';

export type ServiceName =
  | 'gateway'
  | 'users'
  | 'catalog'
  | 'cart'
  | 'orders'
  | 'inventory'
  | 'payments'
  | 'notifications';

export type HttpVerb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * An operation one app invokes on another: the method's path, `*` standing for one segment (Dapr's wildcard), and its
 * verbs. As Dapr matches, a path also covers the paths below it, unless it ends in `*`.
 */
export interface Operation {
  readonly path: string;
  readonly verbs: readonly HttpVerb[];
}

export interface ServiceSpec {
  readonly name: ServiceName;
  /** Port the app listens on, in every environment. */
  readonly appPort: number;
  /** Sidecar HTTP/gRPC ports in self-hosted mode (in Kubernetes they are Dapr's defaults); gRPC avoids 50005/50006, where placement and scheduler listen. */
  readonly daprHttpPort: number;
  readonly daprGrpcPort: number;
  /** Topics this service publishes to (pub/sub scopes). */
  readonly publishes: readonly string[];
  /** Topics this service subscribes to (pub/sub scopes). */
  readonly subscribes: readonly string[];
  /** What this service invokes through Dapr, per app: the callee's sidecar allows these operations and nothing else. */
  readonly calls: Readonly<Partial<Record<ServiceName, readonly Operation[]>>>;
  /** The apps in `calls`. */
  readonly invokes: readonly ServiceName[];
  /** Needs MongoDB (its own database named after the service). */
  readonly mongo: boolean;
  /** Uses Redis directly (cache, rate limits), beside the Dapr state store. */
  readonly redis: boolean;
  /** Secrets it reads from the secret store (secret scopes); the others are denied to it. */
  readonly secrets: readonly string[];
}

const op = (verbs: readonly HttpVerb[], path: string): Operation => ({ path, verbs });
const withInvokes = (spec: Omit<ServiceSpec, 'invokes'>): ServiceSpec => ({ ...spec, invokes: Object.keys(spec.calls) as ServiceName[] });
const product = op(['GET'], '/products/*');

export const services: readonly ServiceSpec[] = ([
  // The gateway's calls are its public routes' upstreams (services/gateway/src/api/routes; its tests check they agree).
  { name: 'gateway', appPort: 8080, daprHttpPort: 3500, daprGrpcPort: 50100, publishes: [], subscribes: [], mongo: false, redis: true, secrets: ['jwt-signing-key'], calls: {
    users: [op(['POST'], '/auth/register'), op(['POST'], '/auth/login'), op(['GET'], '/users/me')],
    // Dapr decides by the first operation on the path, so `/products` also covers `/products/<id>`.
    catalog: [op(['GET', 'POST', 'PATCH'], '/products')],
    cart: [op(['GET', 'PUT', 'DELETE'], '/cart')],
    orders: [op(['GET', 'POST'], '/orders')],
    inventory: [op(['GET', 'PUT'], '/inventory/*')],
    notifications: [op(['GET'], '/notifications'), op(['GET'], '/events'), op(['GET'], '/dead-letters')],
  } },
  { name: 'users', appPort: 3001, daprHttpPort: 3501, daprGrpcPort: 50101, publishes: ['users.registered'], subscribes: [], calls: {}, mongo: true, redis: false, secrets: ['jwt-signing-key', 'admin'] },
  { name: 'catalog', appPort: 3002, daprHttpPort: 3502, daprGrpcPort: 50102, publishes: ['catalog.product-changed'], subscribes: ['catalog.product-changed'], calls: {}, mongo: true, redis: true, secrets: [] },
  { name: 'cart', appPort: 3003, daprHttpPort: 3503, daprGrpcPort: 50103, publishes: [], subscribes: ['orders.created'], calls: { catalog: [product] }, mongo: false, redis: false, secrets: [] },
  { name: 'orders', appPort: 3004, daprHttpPort: 3504, daprGrpcPort: 50104, publishes: ['orders.created', 'orders.confirmed', 'orders.cancelled'], subscribes: ['payments.succeeded', 'payments.failed', 'inventory.reservation-expired'], calls: {
    inventory: [op(['POST'], '/reservations')],
    cart: [op(['GET'], '/cart')],
    catalog: [product],
  }, mongo: true, redis: false, secrets: [] },
  { name: 'inventory', appPort: 3005, daprHttpPort: 3505, daprGrpcPort: 50105, publishes: ['inventory.reservation-expired'], subscribes: ['orders.confirmed', 'orders.cancelled'], calls: {}, mongo: true, redis: false, secrets: [] },
  { name: 'payments', appPort: 3006, daprHttpPort: 3506, daprGrpcPort: 50106, publishes: ['payments.succeeded', 'payments.failed'], subscribes: ['orders.created', 'orders.cancelled'], calls: { orders: [op(['GET'], '/orders/*')] }, mongo: true, redis: false, secrets: [] },
  // notifications also keeps every dead-letter topic for administrators, and fans live events out through Redis.
  { name: 'notifications', appPort: 3007, daprHttpPort: 3507, daprGrpcPort: 50107, publishes: [], subscribes: ['users.registered', 'orders.created', 'orders.confirmed', 'orders.cancelled', ...allTopics.map(deadLetterTopic)], calls: {}, mongo: true, redis: true, secrets: [] },
] satisfies Omit<ServiceSpec, 'invokes'>[]).map(withInvokes);

export function serviceSpec(name: ServiceName): ServiceSpec {
  const spec = services.find((s) => s.name === name);
  if (!spec) throw new Error(`unknown service ${name}`);
  return spec;
}
