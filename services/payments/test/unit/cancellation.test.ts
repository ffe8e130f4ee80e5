import { describe, expect, it } from 'vitest';
import { markRefunded, owesRefund, recordCancellation } from '../../src/domain/cancellation.js';
import { openPayment, voidPayment, type Payment, type PaymentStatus } from '../../src/domain/payment.js';
import { cancelled, created, now } from './fixtures.js';

const at = now.toISOString();
const payment = (status: PaymentStatus, extra: Partial<Payment> = {}): Payment => ({ ...openPayment(created, now), status, ...extra });

describe('an order cancelled, seen by payments', () => {
  it('when the payment is charged, then the cancellation is recorded and a refund is owed', () => {
    const change = recordCancellation(payment('SUCCEEDED', { chargeId: 'ch_1' }), now);
    expect(change).toEqual({ from: 'SUCCEEDED', set: { cancelledAt: at, updatedAt: at } });
    expect(owesRefund(payment('SUCCEEDED', { chargeId: 'ch_1', ...change!.set }))).toBe(true);
  });

  it('when the charge is in flight, then the cancellation is recorded and nothing is owed yet', () => {
    const change = recordCancellation(payment('PENDING'), now);
    expect(change).toEqual({ from: 'PENDING', set: { cancelledAt: at, updatedAt: at } });
    expect(owesRefund(payment('PENDING', change!.set))).toBe(false);
  });

  it('when the cancellation is delivered again, then nothing changes', () => {
    expect(recordCancellation(payment('PENDING', { cancelledAt: at }), now)).toBeUndefined();
    expect(recordCancellation(payment('SUCCEEDED', { cancelledAt: at }), now)).toBeUndefined();
  });

  it('when the payment failed, was refunded or is void, then there is nothing to do', () => {
    for (const p of [payment('FAILED'), payment('REFUNDED', { cancelledAt: at, refundedAt: at }), voidPayment(cancelled, now), payment('VOID')]) {
      expect(recordCancellation(p, now), p.status).toBeUndefined();
      expect(owesRefund(p), p.status).toBe(false);
    }
  });
});

describe('a refund', () => {
  it('when a refund owed is made, then the payment is REFUNDED once', () => {
    const owed = payment('SUCCEEDED', { chargeId: 'ch_1', cancelledAt: at });
    expect(markRefunded(owed, '2026-01-01T00:02:00.000Z', now)).toEqual({ from: 'SUCCEEDED', set: { status: 'REFUNDED', refundedAt: '2026-01-01T00:02:00.000Z', updatedAt: at } });
    expect(markRefunded({ ...owed, status: 'REFUNDED', refundedAt: at }, at, now)).toBeUndefined();
  });

  it('when the order is not cancelled, then a charged payment is never marked refunded', () => {
    expect(markRefunded(payment('SUCCEEDED', { chargeId: 'ch_1' }), at, now)).toBeUndefined();
  });
});
