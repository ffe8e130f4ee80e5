import { describe, expect, it } from 'vitest';
import { placeOrder } from '../../src/domain/order.js';

const line = (amount: number, quantity: number) => ({ productId: `p-${amount}`, name: 'x', quantity, unitPrice: { amount, currency: 'USD' as const } });

describe('placeOrder', () => {
  it('when an order is placed, then it waits for payment and its total is the sum of its lines', () => {
    const { order, event } = placeOrder({ id: 'o1', userId: 'u1', items: [line(250, 2), line(1000, 1)], paymentToken: 'tok_visa', now: new Date('2026-01-01T00:00:00Z'), eventId: 'e1' });
    expect(order.status).toBe('PENDING_PAYMENT');
    expect(order.total).toEqual({ amount: 1500, currency: 'USD' });
    expect(order.history).toEqual([{ status: 'PENDING_PAYMENT', at: '2026-01-01T00:00:00.000Z' }]);
    expect(event).toMatchObject({ eventId: 'e1', topic: 'orders.created', data: { orderId: 'o1', total: order.total, paymentToken: 'tok_visa' } });
  });
});
