import { metricsRegistry } from '@commercex/platform';
import { Counter, Gauge } from 'prom-client';

/** Reservation outcomes as counters, the outbox backlog as a gauge read when /metrics is scraped. */
export function inventoryMetrics(countPendingEvents: () => Promise<number>) {
  const reservations = new Counter({
    name: 'inventory_reservations_total',
    help: 'Reservations by outcome: reserved, rejected (out of stock), expired',
    labelNames: ['outcome'],
    registers: [metricsRegistry],
  });
  new Gauge({
    name: 'inventory_outbox_backlog',
    help: 'Reservations whose events are written but not yet published',
    registers: [metricsRegistry],
    async collect() {
      this.set(await countPendingEvents());
    },
  });
  return {
    decided: (state: 'RESERVED' | 'REJECTED') => reservations.inc({ outcome: state === 'RESERVED' ? 'reserved' : 'rejected' }),
    expired: () => reservations.inc({ outcome: 'expired' }),
  };
}
