// The order state machine: PENDING_PAYMENT → CONFIRMED | CANCELLED, each change recorded in history with its event.
import type { CancellationReason } from '@commercex/contracts';
import type { HistoryEntry, Order, PendingEvent } from './order.js';

export interface Transition {
  from: 'PENDING_PAYMENT';
  set: Partial<Pick<Order, 'status' | 'cancellationReason' | 'updatedAt'>>;
  history: HistoryEntry;
  event: PendingEvent;
}

export function canCancel(order: Pick<Order, 'status'>): boolean {
  return order.status === 'PENDING_PAYMENT';
}

/** Payment succeeded: the order is confirmed, once; any other state keeps its outcome. */
export function confirm(order: Order, now: Date, eventId: string): Transition | undefined {
  if (order.status !== 'PENDING_PAYMENT') return undefined;
  const at = now.toISOString();
  return {
    from: 'PENDING_PAYMENT',
    set: { status: 'CONFIRMED', updatedAt: at },
    history: { status: 'CONFIRMED', at },
    event: {
      eventId,
      topic: 'orders.confirmed',
      data: { schemaVersion: 1, orderId: order.id, userId: order.userId, items: order.items, total: order.total, confirmedAt: at },
    },
  };
}

/** Payment failed, the user cancelled or the reservation expired: cancelled, once. */
export function cancel(order: Order, reason: CancellationReason, now: Date, eventId: string): Transition | undefined {
  if (!canCancel(order)) return undefined;
  const at = now.toISOString();
  return {
    from: 'PENDING_PAYMENT',
    set: { status: 'CANCELLED', cancellationReason: reason, updatedAt: at },
    history: { status: 'CANCELLED', at, reason },
    event: {
      eventId,
      topic: 'orders.cancelled',
      data: { schemaVersion: 1, orderId: order.id, userId: order.userId, reason, items: order.items, total: order.total, cancelledAt: at },
    },
  };
}
