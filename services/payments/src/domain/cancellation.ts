// orders.cancelled: a charge that stands for a cancelled order is refunded, one in flight is refunded once it settles,
// and an order not seen yet is never charged.
import type { Payment, PaymentChange } from './payment.js';

/** Records that the order is cancelled; nothing once it is recorded, nor for payments with nothing to give back. */
export function recordCancellation(payment: Payment, now: Date): PaymentChange | undefined {
  if (payment.cancelledAt) return undefined;
  if (payment.status !== 'PENDING' && payment.status !== 'SUCCEEDED') return undefined;
  const at = now.toISOString();
  return { from: payment.status, set: { cancelledAt: at, updatedAt: at } };
}

/** Charged for an order that is cancelled: the charge is to be refunded. */
export const owesRefund = (payment: Payment): boolean => payment.status === 'SUCCEEDED' && payment.cancelledAt !== undefined;

export function markRefunded(payment: Payment, refundedAt: string, now: Date): PaymentChange | undefined {
  if (!owesRefund(payment)) return undefined;
  return { from: 'SUCCEEDED', set: { status: 'REFUNDED', refundedAt, updatedAt: now.toISOString() } };
}
