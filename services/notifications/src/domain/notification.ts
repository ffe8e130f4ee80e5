// What users are told about, as plain data. Each notification's id comes from the fact it reports (the user, the
// order and its outcome), so an event delivered twice, or published again under another id, is told once.
import type { CancellationReason, EventOf, Money } from '@commercex/contracts';

export const notificationTypes = ['WELCOME', 'ORDER_RECEIVED', 'ORDER_CONFIRMED', 'ORDER_CANCELLED'] as const;
export type NotificationType = (typeof notificationTypes)[number];

export interface Notification {
  id: string;
  userId: string;
  type: NotificationType;
  message: string;
  createdAt: string;
  orderId?: string;
}

const reasonText: Record<CancellationReason, string> = {
  PAYMENT_DECLINED: 'the payment was declined',
  PAYMENT_FAILED: 'the payment could not be completed',
  USER_CANCELLED: 'you cancelled it',
  EXPIRED: 'it was not paid in time',
};

export function formatMoney(m: Money): string {
  return `$${(m.amount / 100).toFixed(2)}`;
}

/** Enough of the order id for a person to tell orders apart. */
export function shortOrderId(orderId: string): string {
  return orderId.length > 8 ? orderId.slice(0, 8) : orderId;
}

export function welcome(e: EventOf<'users.registered'>, at: Date): Notification {
  return { id: `welcome:${e.userId}`, userId: e.userId, type: 'WELCOME', message: `Welcome to CommerceX, ${e.name}!`, createdAt: at.toISOString() };
}

export function orderReceived(e: EventOf<'orders.created'>): Notification {
  const items = e.items.reduce((n, l) => n + l.quantity, 0);
  return {
    id: `order-received:${e.orderId}`,
    userId: e.userId,
    type: 'ORDER_RECEIVED',
    message: `We received your order ${shortOrderId(e.orderId)} (${items} ${items === 1 ? 'item' : 'items'}, ${formatMoney(e.total)}) and are waiting for the payment.`,
    createdAt: e.createdAt,
    orderId: e.orderId,
  };
}

export function orderConfirmed(e: EventOf<'orders.confirmed'>): Notification {
  return {
    id: `order-confirmed:${e.orderId}`,
    userId: e.userId,
    type: 'ORDER_CONFIRMED',
    message: `Your order ${shortOrderId(e.orderId)} is confirmed: ${formatMoney(e.total)} was charged.`,
    createdAt: e.confirmedAt,
    orderId: e.orderId,
  };
}

export function orderCancelled(e: EventOf<'orders.cancelled'>): Notification {
  return {
    id: `order-cancelled:${e.orderId}`,
    userId: e.userId,
    type: 'ORDER_CANCELLED',
    message: `Your order ${shortOrderId(e.orderId)} was cancelled: ${reasonText[e.reason]}.`,
    createdAt: e.cancelledAt,
    orderId: e.orderId,
  };
}
