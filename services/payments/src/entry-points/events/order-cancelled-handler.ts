// orders.cancelled: no charge may stand for the order. Thin: the router has already validated and deduplicated the event.
import type { EventOf } from '@commercex/contracts';
import { cancelPayment } from '../../use-cases/cancel-payment.js';
import type { RefundDeps } from '../../use-cases/refund-payment.js';

export function orderCancelledHandler(deps: RefundDeps) {
  return (data: EventOf<'orders.cancelled'>): Promise<void> => cancelPayment(data, deps);
}
