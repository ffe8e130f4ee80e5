import { metricsRegistry, registerOnce } from '@commercex/platform';
import { Counter } from 'prom-client';

/** Requests refused with 429, by the limit that refused them (ip, user, auth). */
export function rateLimitMetrics(): Counter<'limit'> {
  return registerOnce(metricsRegistry, 'gateway_rate_limited_total', () =>
    new Counter({ name: 'gateway_rate_limited_total', help: 'Requests refused by a rate limit', labelNames: ['limit'], registers: [metricsRegistry] }));
}
