import type { EventOf, Topic } from '../src/index.js';

const usd = (amount: number) => ({ amount, currency: 'USD' as const });
const line = { productId: 'p-1', name: 'Mug', quantity: 2, unitPrice: usd(1250) };

/** One valid event of every topic, for tests that need a well-formed example. */
export const examples = {
  'users.registered': { schemaVersion: 1, userId: 'u-1', email: 'ada@example.com', name: 'Ada' },
  'catalog.product-changed': { schemaVersion: 1, productId: 'p-1', change: 'updated', at: '2026-01-01T00:00:00.000Z' },
  'orders.created': {
    schemaVersion: 1, orderId: 'o-1', userId: 'u-1', items: [line], total: usd(2500), paymentToken: 'tok_visa', createdAt: '2026-01-01T00:00:00.000Z',
  },
  'orders.confirmed': { schemaVersion: 1, orderId: 'o-1', userId: 'u-1', items: [line], total: usd(2500), confirmedAt: '2026-01-01T00:00:01Z' },
  'orders.cancelled': {
    schemaVersion: 1, orderId: 'o-1', userId: 'u-1', reason: 'PAYMENT_DECLINED', items: [line], total: usd(2500), cancelledAt: '2026-01-01T00:00:01+02:00',
  },
  'payments.succeeded': { schemaVersion: 1, orderId: 'o-1', paymentId: 'pay-1', amount: usd(2500) },
  'payments.failed': { schemaVersion: 1, orderId: 'o-1', reason: 'PAYMENT_FAILED', message: 'provider down' },
  'inventory.reservation-expired': { schemaVersion: 1, orderId: 'o-1', expiredAt: '2026-01-01T00:15:00Z' },
} satisfies { [T in Topic]: EventOf<T> };
