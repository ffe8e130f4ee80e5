import { describe, expect, it } from 'vitest';
import { liveEventsFor, isLiveEvent } from '../../src/domain/live-event.js';
import { formatMoney, orderCancelled, orderConfirmed, orderReceived, shortOrderId, welcome } from '../../src/domain/notification.js';

const total = { amount: 2_550, currency: 'USD' as const };
const items = [{ productId: 'p1', name: 'Mug', quantity: 2, unitPrice: { amount: 1_275, currency: 'USD' as const } }];
const order = { schemaVersion: 1 as const, orderId: 'abcdef123456', userId: 'u1', items, total };

describe('notification text', () => {
  it('when a user registers, then they are welcomed by name, once per user', () => {
    const n = welcome({ schemaVersion: 1, userId: 'u1', email: 'a@example.com', name: 'Ada' }, new Date('2026-01-01T00:00:00Z'));
    expect(n).toEqual({ id: 'welcome:u1', userId: 'u1', type: 'WELCOME', message: 'Welcome to CommerceX, Ada!', createdAt: '2026-01-01T00:00:00.000Z' });
  });

  it('when an order is created, then the user is told it was received, with its size and total', () => {
    const n = orderReceived({ ...order, paymentToken: 'tok_visa', createdAt: '2026-01-01T00:00:00.000Z' });
    expect(n).toMatchObject({ id: 'order-received:abcdef123456', type: 'ORDER_RECEIVED', orderId: 'abcdef123456', createdAt: '2026-01-01T00:00:00.000Z' });
    expect(n.message).toBe('We received your order abcdef12 (2 items, $25.50) and are waiting for the payment.');
  });

  it('when an order is confirmed, then the user is told what was charged', () => {
    const n = orderConfirmed({ ...order, confirmedAt: '2026-01-01T00:01:00.000Z' });
    expect(n).toMatchObject({ id: 'order-confirmed:abcdef123456', type: 'ORDER_CONFIRMED', createdAt: '2026-01-01T00:01:00.000Z' });
    expect(n.message).toBe('Your order abcdef12 is confirmed: $25.50 was charged.');
  });

  it('when an order is cancelled, then the message says why, for every reason', () => {
    const because = (reason: 'PAYMENT_DECLINED' | 'PAYMENT_FAILED' | 'USER_CANCELLED' | 'EXPIRED') =>
      orderCancelled({ ...order, reason, cancelledAt: '2026-01-01T00:02:00.000Z' }).message;
    expect(because('PAYMENT_DECLINED')).toBe('Your order abcdef12 was cancelled: the payment was declined.');
    expect(because('PAYMENT_FAILED')).toBe('Your order abcdef12 was cancelled: the payment could not be completed.');
    expect(because('USER_CANCELLED')).toBe('Your order abcdef12 was cancelled: you cancelled it.');
    expect(because('EXPIRED')).toBe('Your order abcdef12 was cancelled: it was not paid in time.');
  });

  it('when amounts and ids are shown, then money has two decimals and short ids stay whole', () => {
    expect(formatMoney({ amount: 5, currency: 'USD' })).toBe('$0.05');
    expect(shortOrderId('o-1')).toBe('o-1');
  });

  it('when a notification reports a status change, then the stream gets the status first and the notification after', () => {
    const n = orderConfirmed({ ...order, confirmedAt: '2026-01-01T00:01:00.000Z' });
    const events = liveEventsFor(n, { orderId: 'abcdef123456', status: 'CONFIRMED', at: n.createdAt });
    expect(events.map((e) => e.event)).toEqual(['order-status', 'notification']);
    expect(events.every((e) => e.userId === 'u1' && isLiveEvent(JSON.parse(JSON.stringify(e))))).toBe(true);
    expect(isLiveEvent({ userId: 'u1', event: 'other', data: {} })).toBe(false);
  });
});
