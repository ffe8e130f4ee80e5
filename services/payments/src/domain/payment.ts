// A payment per order: the order id is its key, so one order can never hold two payments.
import type { EventOf, Money } from '@commercex/contracts';

export type PaymentStatus = 'PENDING';

export interface Payment {
  orderId: string;
  userId: string;
  amount: Money;
  status: PaymentStatus;
  /** The event that created it, for tracing a payment back to its order event. */
  sourceEventId: string;
  createdAt: string;
}

export function paymentForOrder(event: EventOf<'orders.created'>, sourceEventId: string, now: Date): Payment {
  return { orderId: event.orderId, userId: event.userId, amount: event.total, status: 'PENDING', sourceEventId, createdAt: now.toISOString() };
}
