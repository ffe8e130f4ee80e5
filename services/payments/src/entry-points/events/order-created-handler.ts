// orders.created: charge the order. Thin: the router has already validated and deduplicated the event.
import type { EventOf } from '@commercex/contracts';
import { chargeOrder, type ChargeDeps } from '../../use-cases/charge-order.js';

export function orderCreatedHandler(deps: ChargeDeps) {
  return (data: EventOf<'orders.created'>): Promise<void> => chargeOrder(data, deps);
}
