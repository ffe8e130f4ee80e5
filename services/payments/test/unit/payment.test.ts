import { describe, expect, it } from 'vitest';
import { chargeKeyOf, openPayment, voidPayment } from '../../src/domain/payment.js';
import { settleFromCharge, settleFromLookup } from '../../src/domain/settlement.js';
import { cancelled, created, now } from './fixtures.js';

const pending = () => openPayment(created, now);
const cancelledPending = () => ({ ...pending(), cancelledAt: now.toISOString() });

describe('payment rules', () => {
  it('when an order is created, then its payment is pending for the order total, without the card token', () => {
    expect(openPayment(created, now)).toMatchObject({ orderId: 'o1', status: 'PENDING', amount: { amount: 500 } });
    expect(openPayment(created, now)).not.toHaveProperty('token');
  });

  it('when the provider approves the charge, then the payment succeeds and publishes payments.succeeded', () => {
    expect(settleFromCharge(pending(), { kind: 'approved', chargeId: 'ch_1' }, now, 'e1')).toMatchObject({
      from: 'PENDING',
      set: { status: 'SUCCEEDED', chargeId: 'ch_1' },
      event: { eventId: 'e1', topic: 'payments.succeeded', data: { orderId: 'o1', paymentId: 'ch_1', amount: { amount: 500 } } },
    });
  });

  it('when the charge call failed but the provider approved it, then the payment succeeds with that charge', () => {
    const s = settleFromLookup(pending(), { kind: 'approved', chargeId: 'ch_1' }, now, 'e1');
    expect(s !== 'retry' && s?.event).toMatchObject({ topic: 'payments.succeeded', data: { orderId: 'o1', paymentId: 'ch_1' } });
  });

  it('when the provider is still processing the charge, then the delivery is retried later', () => {
    expect(settleFromLookup(pending(), { kind: 'processing' }, now, 'e1')).toBe('retry');
    expect(settleFromCharge(pending(), { kind: 'processing' }, now, 'e1')).toBe('retry');
  });

  it('when the provider has no charge at all, then the payment fails as PAYMENT_FAILED', () => {
    const s = settleFromLookup(pending(), { kind: 'unknown' }, now, 'e1');
    expect(s !== 'retry' && s?.event).toMatchObject({ topic: 'payments.failed', data: { reason: 'PAYMENT_FAILED' } });
  });

  it('when the payment is settled already, then a second outcome changes nothing', () => {
    const succeeded = { ...pending(), status: 'SUCCEEDED' as const, chargeId: 'ch_1' };
    expect(settleFromCharge(succeeded, { kind: 'declined', chargeId: 'ch_1' }, now, 'e2')).toBeUndefined();
  });

  it('when an order is charged again, then the idempotency key is the same', () => {
    expect(chargeKeyOf('o1')).toBe(chargeKeyOf('o1'));
  });
});

describe('payment rules for an order cancelled while its charge is in flight', () => {
  it('when the charge is approved, then the payment succeeds without an outcome event (the order has its outcome)', () => {
    const s = settleFromCharge(cancelledPending(), { kind: 'approved', chargeId: 'ch_1' }, now, 'e1');
    expect(s).toEqual({ from: 'PENDING', set: { status: 'SUCCEEDED', chargeId: 'ch_1', updatedAt: now.toISOString() } });
  });

  it('when the charge is declined, then the payment fails without an outcome event', () => {
    const s = settleFromLookup(cancelledPending(), { kind: 'declined', chargeId: 'ch_1' }, now, 'e1');
    expect(s).toMatchObject({ set: { status: 'FAILED', reason: 'PAYMENT_DECLINED' } });
    expect(s !== 'retry' && s?.event).toBeUndefined();
  });

  it('when the provider has no charge at all, then the payment is void: it is never charged now', () => {
    expect(settleFromLookup(cancelledPending(), { kind: 'unknown' }, now, 'e1')).toEqual({ from: 'PENDING', set: { status: 'VOID', updatedAt: now.toISOString() } });
  });

  it('when the order was cancelled before payments saw it, then its payment is void for the order total', () => {
    expect(voidPayment(cancelled, now)).toMatchObject({ orderId: 'o1', userId: 'u1', status: 'VOID', amount: { amount: 500 }, cancelledAt: now.toISOString() });
  });
});
