import { Counter, Histogram, type Registry } from 'prom-client';
import { registerOnce } from '../http/metrics-registry.js';

export type EventOutcome = 'handled' | 'duplicate' | 'retried' | 'dropped';
export type DropReason = 'invalid_envelope' | 'invalid_data' | 'rejected_by_handler';

export function subscriptionMetrics(registry: Registry) {
  return {
    events: registerOnce(registry, 'events_received_total', () =>
      new Counter({ name: 'events_received_total', help: 'Events delivered to this app, by outcome', labelNames: ['topic', 'outcome'], registers: [registry] })),
    deadLettered: registerOnce(registry, 'events_dead_lettered_total', () =>
      new Counter({
        name: 'events_dead_lettered_total',
        help: 'Events dropped as poison; Dapr forwards them to the dead-letter topic',
        labelNames: ['topic', 'reason'],
        registers: [registry],
      })),
    duration: registerOnce(registry, 'event_handling_duration_seconds', () =>
      new Histogram({ name: 'event_handling_duration_seconds', help: 'Time spent in event handlers', labelNames: ['topic'], registers: [registry] })),
  };
}

export type SubscriptionMetrics = ReturnType<typeof subscriptionMetrics>;
