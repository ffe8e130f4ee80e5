import { metricsRegistry, registerOnce } from '@commercex/platform';
import { Counter } from 'prom-client';

/** Refunds of charges for cancelled orders: `refunded` once per payment, `failed` per refund call that failed. */
export const refundsCounter = registerOnce(metricsRegistry, 'payments_refunds_total', () =>
  new Counter({ name: 'payments_refunds_total', help: 'Refunds of charges for cancelled orders, by outcome', labelNames: ['outcome'], registers: [metricsRegistry] }));
