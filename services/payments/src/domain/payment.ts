// A payment per order (the order id is its key), and the changes the saga makes to it.
import type { EventOf, Money, PaymentFailureReason } from '@commercex/contracts';
import type { PendingEvent } from '@commercex/platform';

/**
 * PENDING: the charge is in flight. SUCCEEDED: charged (a refund is owed while `cancelledAt` is set).
 * FAILED: not charged. REFUNDED: charged, then refunded because the order was cancelled.
 * VOID: the order was cancelled before it was charged, so it never will be.
 */
export type PaymentStatus = 'PENDING' | 'SUCCEEDED' | 'FAILED' | 'REFUNDED' | 'VOID';

export interface Payment {
  orderId: string;
  userId: string;
  amount: Money;
  status: PaymentStatus;
  reason?: PaymentFailureReason;
  chargeId?: string;
  /** When payments learnt that the order was cancelled (orders.cancelled). */
  cancelledAt?: string;
  refundedAt?: string;
  createdAt: string;
  updatedAt: string;
}

/** A change to one payment, applied only if `from` is still its status, with the event it publishes (outbox). */
export interface PaymentChange {
  from: PaymentStatus;
  set: Partial<Omit<Payment, 'orderId' | 'userId' | 'amount' | 'createdAt'>> & Pick<Payment, 'updatedAt'>;
  event?: PendingEvent;
}

/** What the provider said about a charge, reduced to what payments decides on. */
export type ChargeResult =
  | { kind: 'approved'; chargeId: string }
  | { kind: 'declined'; chargeId: string }
  | { kind: 'processing' }
  | { kind: 'unknown' };

export function openPayment(event: EventOf<'orders.created'>, now: Date): Payment {
  const at = now.toISOString();
  return { orderId: event.orderId, userId: event.userId, amount: event.total, status: 'PENDING', createdAt: at, updatedAt: at };
}

/** orders.cancelled before orders.created was handled: a payment that the later orders.created finds and never charges. */
export function voidPayment(event: EventOf<'orders.cancelled'>, now: Date): Payment {
  const at = now.toISOString();
  return { orderId: event.orderId, userId: event.userId, amount: event.total, status: 'VOID', cancelledAt: at, createdAt: at, updatedAt: at };
}

/** One idempotency key per order: however often the charge is retried or redelivered, the provider charges once. */
export const chargeKeyOf = (orderId: string) => `order-${orderId}`;
