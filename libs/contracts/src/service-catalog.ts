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
  /** App ids this service invokes through Dapr (access control). */
  readonly invokes: readonly ServiceName[];
  /** Needs MongoDB (its own database named after the service). */
  readonly mongo: boolean;
  /** Uses Redis directly (cache, rate limits), beside the Dapr state store. */
  readonly redis: boolean;
  /** Secrets it reads from the secret store (secret scopes); the others are denied to it. */
  readonly secrets: readonly string[];
}

export const services: readonly ServiceSpec[] = [
  { name: 'gateway', appPort: 8080, daprHttpPort: 3500, daprGrpcPort: 50100, publishes: [], subscribes: [], invokes: ['users', 'catalog', 'cart', 'orders', 'inventory', 'notifications'], mongo: false, redis: true, secrets: ['jwt-signing-key'] },
  { name: 'users', appPort: 3001, daprHttpPort: 3501, daprGrpcPort: 50101, publishes: ['users.registered'], subscribes: [], invokes: [], mongo: true, redis: false, secrets: ['jwt-signing-key', 'admin'] },
  { name: 'catalog', appPort: 3002, daprHttpPort: 3502, daprGrpcPort: 50102, publishes: ['catalog.product-changed'], subscribes: ['catalog.product-changed'], invokes: [], mongo: true, redis: true, secrets: [] },
  { name: 'cart', appPort: 3003, daprHttpPort: 3503, daprGrpcPort: 50103, publishes: [], subscribes: ['orders.created'], invokes: ['catalog'], mongo: false, redis: false, secrets: [] },
  { name: 'orders', appPort: 3004, daprHttpPort: 3504, daprGrpcPort: 50104, publishes: ['orders.created', 'orders.confirmed', 'orders.cancelled'], subscribes: ['payments.succeeded', 'payments.failed', 'inventory.reservation-expired'], invokes: ['inventory', 'cart', 'catalog'], mongo: true, redis: false, secrets: [] },
  { name: 'inventory', appPort: 3005, daprHttpPort: 3505, daprGrpcPort: 50105, publishes: ['inventory.reservation-expired'], subscribes: ['orders.confirmed', 'orders.cancelled'], invokes: [], mongo: true, redis: false, secrets: [] },
  { name: 'payments', appPort: 3006, daprHttpPort: 3506, daprGrpcPort: 50106, publishes: ['payments.succeeded', 'payments.failed'], subscribes: ['orders.created', 'orders.cancelled'], invokes: ['orders'], mongo: true, redis: false, secrets: [] },
  // notifications also keeps every dead-letter topic for administrators, and fans live events out through Redis.
  { name: 'notifications', appPort: 3007, daprHttpPort: 3507, daprGrpcPort: 50107, publishes: [], subscribes: ['users.registered', 'orders.created', 'orders.confirmed', 'orders.cancelled', ...allTopics.map(deadLetterTopic)], invokes: [], mongo: true, redis: true, secrets: [] },
];

export function serviceSpec(name: ServiceName): ServiceSpec {
  const spec = services.find((s) => s.name === name);
  if (!spec) throw new Error(`unknown service ${name}`);
  return spec;
}
