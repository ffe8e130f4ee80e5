import { describe, expect, it } from 'vitest';
import { chargeKeyOf, openPayment, settleFromLookup } from '../../src/domain/payment.js';

const created = { schemaVersion: 1 as const, orderId: 'o1', userId: 'u1', items: [{ productId: 'p', name: 'P', quantity: 1, unitPrice: { amount: 500, currency: 'USD' as const } }], total: { amount: 500, currency: 'USD' as const }, paymentToken: 'tok_visa', createdAt: '2026-01-01T00:00:00.000Z' };
const now = new Date('2026-01-01T00:01:00Z');

describe('payment rules', () => {
  it('when an order is created, then its payment is pending for the order total', () => {
    expect(openPayment(created, now)).toMatchObject({ orderId: 'o1', status: 'PENDING', amount: { amount: 500 }, token: 'tok_visa' });
  });

  it('when the charge call failed but the provider approved it, then the payment succeeds with that charge', () => {
    const s = settleFromLookup(openPayment(created, now), { kind: 'approved', chargeId: 'ch_1' }, now, 'e1');
    expect(s !== 'retry' && s.event).toMatchObject({ topic: 'payments.succeeded', data: { orderId: 'o1', paymentId: 'ch_1' } });
  });

  it('when the provider is still processing the charge, then the delivery is retried later', () => {
    expect(settleFromLookup(openPayment(created, now), { kind: 'processing' }, now, 'e1')).toBe('retry');
  });

  it('when the provider has no charge at all, then the payment fails as PAYMENT_FAILED', () => {
    const s = settleFromLookup(openPayment(created, now), { kind: 'unknown' }, now, 'e1');
    expect(s !== 'retry' && s.event).toMatchObject({ topic: 'payments.failed', data: { reason: 'PAYMENT_FAILED' } });
  });

  it('when an order is charged again, then the idempotency key is the same', () => {
    expect(chargeKeyOf('o1')).toBe(chargeKeyOf('o1'));
  });
});
