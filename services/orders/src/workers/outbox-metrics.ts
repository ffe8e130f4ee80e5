import { metricsRegistry } from '@commercex/platform';
import { Gauge } from 'prom-client';

/** The outbox backlog as a gauge, read when /metrics is scraped. */
export function outboxMetrics(countPending: () => Promise<number>): void {
  new Gauge({
    name: 'orders_outbox_backlog',
    help: 'Orders whose events are written but not yet published',
    registers: [metricsRegistry],
    async collect() {
      this.set(await countPending());
    },
  });
}
