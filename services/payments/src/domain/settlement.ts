// The outcome of a charge. An order already cancelled has its outcome: its payment publishes none, and a charge
// that went through anyway is owed back (see cancellation.ts).
import type { EventOf, PaymentFailureReason } from '@commercex/contracts';
import type { ChargeResult, Payment, PaymentChange } from './payment.js';

export function succeed(payment: Payment, chargeId: string, now: Date, eventId: string): PaymentChange | undefined {
  if (payment.status !== 'PENDING') return undefined;
  const change: PaymentChange = { from: 'PENDING', set: { status: 'SUCCEEDED', chargeId, updatedAt: now.toISOString() } };
  if (payment.cancelledAt) return change;
  const data: EventOf<'payments.succeeded'> = { schemaVersion: 1, orderId: payment.orderId, paymentId: chargeId, amount: payment.amount };
  return { ...change, event: { eventId, topic: 'payments.succeeded', data } };
}

export function fail(payment: Payment, reason: PaymentFailureReason, message: string, now: Date, eventId: string): PaymentChange | undefined {
  if (payment.status !== 'PENDING') return undefined;
  const change: PaymentChange = { from: 'PENDING', set: { status: 'FAILED', reason, updatedAt: now.toISOString() } };
  if (payment.cancelledAt) return change;
  const data: EventOf<'payments.failed'> = { schemaVersion: 1, orderId: payment.orderId, reason, message };
  return { ...change, event: { eventId, topic: 'payments.failed', data } };
}

/** The answer to the charge call itself; anything but a settled charge is asked again later. */
export function settleFromCharge(payment: Payment, result: ChargeResult, now: Date, eventId: string): PaymentChange | undefined | 'retry' {
  if (result.kind === 'approved') return succeed(payment, result.chargeId, now, eventId);
  if (result.kind === 'declined') return fail(payment, 'PAYMENT_DECLINED', 'the card was declined', now, eventId);
  return 'retry';
}

/**
 * After the charge call itself failed (timeouts, outages, open circuit), or for an order cancelled before it was charged,
 * the provider's record decides: settled charges settle the payment, a charge still processing is asked again later,
 * and no charge at all fails the payment (voids it if the order is cancelled: it is never charged now).
 */
export function settleFromLookup(payment: Payment, found: ChargeResult, now: Date, eventId: string): PaymentChange | undefined | 'retry' {
  switch (found.kind) {
    case 'approved':
    case 'declined':
      return settleFromCharge(payment, found, now, eventId);
    case 'processing':
      return 'retry';
    case 'unknown':
      if (payment.status === 'PENDING' && payment.cancelledAt) return { from: 'PENDING', set: { status: 'VOID', updatedAt: now.toISOString() } };
      return fail(payment, 'PAYMENT_FAILED', 'the payment provider could not be reached', now, eventId);
  }
}
