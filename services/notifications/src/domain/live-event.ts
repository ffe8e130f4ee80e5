// What a user's open event stream (SSE) receives: their new notifications and their orders' status changes.
import type { CancellationReason, OrderStatus } from '@commercex/contracts';
import type { Notification } from './notification.js';

export interface OrderStatusChange {
  orderId: string;
  status: OrderStatus;
  reason?: CancellationReason;
  at: string;
}

export type LiveEvent =
  | { userId: string; event: 'notification'; data: Notification }
  | { userId: string; event: 'order-status'; data: OrderStatusChange };

/** The events a newly stored notification produces for its user's streams. */
export function liveEventsFor(n: Notification, status?: OrderStatusChange): LiveEvent[] {
  const events: LiveEvent[] = [];
  if (status) events.push({ userId: n.userId, event: 'order-status', data: status });
  events.push({ userId: n.userId, event: 'notification', data: n });
  return events;
}

export function isLiveEvent(value: unknown): value is LiveEvent {
  const v = value as Partial<LiveEvent> | null;
  return typeof v === 'object' && v !== null && typeof v.userId === 'string' && (v.event === 'notification' || v.event === 'order-status') && typeof v.data === 'object';
}
