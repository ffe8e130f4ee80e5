// orders.cancelled: whatever the payment's state, no charge stands for the cancelled order.
import type { EventOf } from '@commercex/contracts';
import { recordCancellation } from '../domain/cancellation.js';
import { voidPayment } from '../domain/payment.js';
import { refundIfOwed, type RefundDeps } from './refund-payment.js';

/**
 * Not seen yet: a VOID payment, so the later orders.created charges nothing. In flight: recorded, and the charge is
 * refunded when it settles (charge-order.ts). Charged: refunded now. Failed, refunded or void: nothing to do.
 */
export async function cancelPayment(event: EventOf<'orders.cancelled'>, deps: RefundDeps): Promise<void> {
  const now = deps.now ?? (() => new Date());
  await deps.payments.open(voidPayment(event, now()));
  const { payment } = await deps.payments.apply(event.orderId, (current) => recordCancellation(current, now()));
  await refundIfOwed(payment, deps);
}
