// The outcomes that settle an order: payment succeeded or failed, reservation expired.
import { randomUUID } from 'node:crypto';
import type { CancellationReason, EventOf } from '@commercex/contracts';
import type { EventContext, SubscriptionRouter } from '@commercex/platform';
import type { OrderRepository } from '../../data-access/order-repository.js';
import { cancel, confirm, type Transition } from '../../domain/order-transitions.js';
import type { Order } from '../../domain/order.js';

type Decide = (order: Order, now: Date, eventId: string) => Transition | undefined;

/** Applies a transition once: a redelivered or late outcome finds the order already settled and changes nothing. */
async function settle(orders: OrderRepository, orderId: string, decide: Decide, context: EventContext, onNewEvent: () => void): Promise<void> {
  const order = await orders.findById(orderId);
  if (!order) throw new Error(`order ${orderId} is not known yet`);
  const transition = decide(order, new Date(), randomUUID());
  if (!transition) {
    context.logger.info({ orderId, status: order.status }, 'order already settled; outcome ignored');
    return;
  }
  if (await orders.apply(orderId, transition)) onNewEvent();
  else context.logger.info({ orderId }, 'order changed concurrently; outcome ignored');
}

export function subscribeSagaHandlers(router: SubscriptionRouter, orders: OrderRepository, onNewEvent: () => void): SubscriptionRouter {
  const cancelAs = (reason: CancellationReason): Decide => (order, now, id) => cancel(order, reason, now, id);
  return router
    .on('payments.succeeded', (data: EventOf<'payments.succeeded'>, ctx) => settle(orders, data.orderId, confirm, ctx, onNewEvent))
    .on('payments.failed', (data: EventOf<'payments.failed'>, ctx) => settle(orders, data.orderId, cancelAs(data.reason), ctx, onNewEvent))
    .on('inventory.reservation-expired', (data: EventOf<'inventory.reservation-expired'>, ctx) => settle(orders, data.orderId, cancelAs('EXPIRED'), ctx, onNewEvent));
}
