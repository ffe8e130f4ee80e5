import type { EventOf } from '@commercex/contracts';

const total = { amount: 500, currency: 'USD' as const };
const items = [{ productId: 'p', name: 'P', quantity: 1, unitPrice: total }];

export const created: EventOf<'orders.created'> = { schemaVersion: 1, orderId: 'o1', userId: 'u1', items, total, paymentToken: 'tok_visa', createdAt: '2026-01-01T00:00:00.000Z' };
export const cancelled: EventOf<'orders.cancelled'> = { schemaVersion: 1, orderId: 'o1', userId: 'u1', reason: 'USER_CANCELLED', items, total, cancelledAt: '2026-01-01T00:00:30.000Z' };
export const now = new Date('2026-01-01T00:01:00Z');
