// Giving back a charge that stands for a cancelled order: the provider refunds once per key, the payment becomes REFUNDED once.
import type { Logger } from '@commercex/platform';
import type { PaymentProvider } from '../data-access/payment-provider.js';
import type { PaymentRepository } from '../data-access/payment-repository.js';
import { markRefunded, owesRefund } from '../domain/cancellation.js';
import type { Payment } from '../domain/payment.js';
import { refundsCounter } from './refund-metrics.js';

export interface RefundDeps {
  payments: PaymentRepository;
  provider: PaymentProvider;
  logger: Logger;
  now?: () => Date;
}

/** Rejects when the refund call failed under the resiliency policy: the caller's delivery (or the refund worker) tries again. */
export async function refundIfOwed(payment: Payment | undefined, deps: RefundDeps): Promise<void> {
  if (!payment || !owesRefund(payment)) return;
  const now = deps.now ?? (() => new Date());
  let refundedAt: string;
  try {
    ({ refundedAt } = await deps.provider.refund(payment.orderId));
  } catch (err) {
    refundsCounter.inc({ outcome: 'failed' });
    throw err;
  }
  const { changed } = await deps.payments.apply(payment.orderId, (current) => markRefunded(current, refundedAt, now()));
  if (!changed) return;
  refundsCounter.inc({ outcome: 'refunded' });
  deps.logger.info({ orderId: payment.orderId, chargeId: payment.chargeId }, 'charge refunded: the order was cancelled');
}
