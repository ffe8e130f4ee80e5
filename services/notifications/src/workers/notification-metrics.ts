import { metricsRegistry } from '@commercex/platform';
import { Counter, Gauge } from 'prom-client';
import type { DeadLetter } from '../domain/dead-letter.js';
import type { Notification } from '../domain/notification.js';

/** Notifications by type, dead letters by original topic, and open live streams (read when /metrics is scraped). */
export function notificationMetrics(openStreams: () => number) {
  const stored = new Counter({ name: 'notifications_stored_total', help: 'Notifications stored, by type', labelNames: ['type'], registers: [metricsRegistry] });
  const deadLetters = new Counter({ name: 'dead_letters_recorded_total', help: 'Dead-lettered messages recorded, by original topic', labelNames: ['topic'], registers: [metricsRegistry] });
  new Gauge({
    name: 'notifications_live_streams',
    help: 'Event streams (SSE) open on this replica',
    registers: [metricsRegistry],
    collect() {
      this.set(openStreams());
    },
  });
  return {
    stored: (n: Notification) => stored.inc({ type: n.type }),
    deadLetter: (d: DeadLetter) => deadLetters.inc({ topic: d.topic }),
  };
}
