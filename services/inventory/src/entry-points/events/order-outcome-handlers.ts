// Order outcomes settle the order's reservation: confirmed → sold, cancelled → given back. Thin: the use case decides.
import type { EventContext, SubscriptionRouter } from '@commercex/platform';
import { settleReservation } from '../../use-cases/settle-reservation.js';
import type { InventoryDeps } from '../../use-cases/inventory-deps.js';

async function settle(orderId: string, outcome: 'COMMITTED' | 'RELEASED', deps: InventoryDeps, ctx: EventContext): Promise<void> {
  const result = await settleReservation(orderId, outcome, deps);
  // PENDING: the reserve call that created it is still running or died; Dapr redelivers until it is decided.
  if (result === 'pending') throw new Error(`reservation ${orderId} is still being taken`);
  if (result !== 'settled') ctx.logger.info({ orderId, outcome, result }, 'reservation not settled by this event');
}

export function subscribeOrderOutcomes(router: SubscriptionRouter, deps: InventoryDeps): SubscriptionRouter {
  return router
    .on('orders.confirmed', (data, ctx) => settle(data.orderId, 'COMMITTED', deps, ctx))
    .on('orders.cancelled', (data, ctx) => settle(data.orderId, 'RELEASED', deps, ctx));
}
