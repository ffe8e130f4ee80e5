// Orders as plain data, and the events each change records for the outbox.
import type { CancellationReason, EventOf, Money, OrderStatus } from '@commercex/contracts';

export interface OrderLine {
  productId: string;
  name: string;
  quantity: number;
  unitPrice: Money;
}

export interface HistoryEntry {
  status: OrderStatus;
  at: string;
  reason?: CancellationReason;
}

/** An event waiting in the order's own document until the relay has published it. */
export interface PendingEvent {
  eventId: string;
  topic: 'orders.created' | 'orders.confirmed' | 'orders.cancelled';
  data: EventOf<'orders.created'> | EventOf<'orders.confirmed'> | EventOf<'orders.cancelled'>;
}

export interface Order {
  id: string;
  userId: string;
  status: OrderStatus;
  cancellationReason?: CancellationReason;
  items: OrderLine[];
  total: Money;
  createdAt: string;
  updatedAt: string;
  history: HistoryEntry[];
}

export interface NewOrder {
  id: string;
  userId: string;
  items: OrderLine[];
  paymentToken: string;
  now: Date;
  eventId: string;
}

export function orderTotal(items: readonly OrderLine[]): Money {
  return { amount: items.reduce((sum, l) => sum + l.unitPrice.amount * l.quantity, 0), currency: 'USD' };
}

/** A new order in PENDING_PAYMENT together with its orders.created event. */
export function placeOrder(input: NewOrder): { order: Order; event: PendingEvent } {
  const at = input.now.toISOString();
  const total = orderTotal(input.items);
  const order: Order = {
    id: input.id,
    userId: input.userId,
    status: 'PENDING_PAYMENT',
    items: input.items,
    total,
    createdAt: at,
    updatedAt: at,
    history: [{ status: 'PENDING_PAYMENT', at }],
  };
  const event: PendingEvent = {
    eventId: input.eventId,
    topic: 'orders.created',
    data: { schemaVersion: 1, orderId: order.id, userId: order.userId, items: order.items, total, paymentToken: input.paymentToken, createdAt: at },
  };
  return { order, event };
}
