// orders.created: open the order's payment. Thin: the router has already validated and deduplicated the event.
import type { EventOf } from '@commercex/contracts';
import type { EventContext } from '@commercex/platform';
import { paymentForOrder } from '../../domain/payment.js';
import type { PaymentRepository } from '../../data-access/payment-repository.js';

export function orderCreatedHandler(payments: PaymentRepository) {
  return async (data: EventOf<'orders.created'>, context: EventContext): Promise<void> => {
    const outcome = await payments.record(paymentForOrder(data, context.id, new Date()));
    if (outcome === 'existed') context.logger.warn({ orderId: data.orderId }, 'order already had a payment; nothing changed');
  };
}
