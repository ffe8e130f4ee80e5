// A payment per order (the order id is its key) and the events its outcome produces.
import type { EventOf, Money, PaymentFailureReason } from '@commercex/contracts';
import type { PendingEvent } from '@commercex/platform';

export type PaymentStatus = 'PENDING' | 'SUCCEEDED' | 'FAILED';

export interface Payment {
  orderId: string;
  userId: string;
  amount: Money;
  token: string;
  status: PaymentStatus;
  reason?: PaymentFailureReason;
  chargeId?: string;
  createdAt: string;
  updatedAt: string;
}

/** What the provider said about a charge, reduced to what payments decides on. */
export type ChargeResult =
  | { kind: 'approved'; chargeId: string }
  | { kind: 'declined'; chargeId: string }
  | { kind: 'processing' }
  | { kind: 'unknown' };

export interface Settlement {
  set: Pick<Payment, 'status' | 'updatedAt'> & Partial<Pick<Payment, 'reason' | 'chargeId'>>;
  event: PendingEvent;
}

export function openPayment(event: EventOf<'orders.created'>, now: Date): Payment {
  const at = now.toISOString();
  return { orderId: event.orderId, userId: event.userId, amount: event.total, token: event.paymentToken, status: 'PENDING', createdAt: at, updatedAt: at };
}

/** One idempotency key per order: however often the charge is retried or redelivered, the provider charges once. */
export const chargeKeyOf = (orderId: string) => `order-${orderId}`;

export function succeed(payment: Payment, chargeId: string, now: Date, eventId: string): Settlement {
  const data: EventOf<'payments.succeeded'> = { schemaVersion: 1, orderId: payment.orderId, paymentId: chargeId, amount: payment.amount };
  return { set: { status: 'SUCCEEDED', chargeId, updatedAt: now.toISOString() }, event: { eventId, topic: 'payments.succeeded', data } };
}

export function fail(payment: Payment, reason: PaymentFailureReason, message: string, now: Date, eventId: string): Settlement {
  const data: EventOf<'payments.failed'> = { schemaVersion: 1, orderId: payment.orderId, reason, message };
  return { set: { status: 'FAILED', reason, updatedAt: now.toISOString() }, event: { eventId, topic: 'payments.failed', data } };
}

/**
 * After the charge call itself failed (timeouts, outages, open circuit), the provider's record decides:
 * settled charges settle the payment, a charge still processing is retried later, and no charge at all fails it.
 */
export function settleFromLookup(payment: Payment, found: ChargeResult, now: Date, eventId: string): Settlement | 'retry' {
  switch (found.kind) {
    case 'approved':
      return succeed(payment, found.chargeId, now, eventId);
    case 'declined':
      return fail(payment, 'PAYMENT_DECLINED', 'the card was declined', now, eventId);
    case 'processing':
      return 'retry';
    case 'unknown':
      return fail(payment, 'PAYMENT_FAILED', 'the payment provider could not be reached', now, eventId);
  }
}
