// Refunds owed whose delivery gave up (the provider down longer than the event's retries) are tried again on a timer.
import { repeatingTask, type Logger, type RepeatingTask } from '@commercex/platform';
import { refundIfOwed, type RefundDeps } from '../use-cases/refund-payment.js';

export function createRefundWorker(deps: RefundDeps & { logger: Logger }, everyMs: number): RepeatingTask {
  const pass = async () => {
    for (const payment of await deps.payments.owingRefunds(20)) {
      await refundIfOwed(payment, deps).catch((err: unknown) => deps.logger.warn({ err, orderId: payment.orderId }, 'refund failed; tried again later'));
    }
  };
  return repeatingTask(pass, { everyMs, logger: deps.logger, what: 'refund pass' });
}
