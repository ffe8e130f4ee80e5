// Refunds owed whose delivery gave up (the provider down longer than the event's retries) are tried again on a timer.
import type { Logger } from '@commercex/platform';
import { refundIfOwed, type RefundDeps } from '../use-cases/refund-payment.js';

export interface RefundWorker {
  start(): void;
  stop(): Promise<void>;
}

export function createRefundWorker(deps: RefundDeps & { logger: Logger }, everyMs: number): RefundWorker {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let busy = false;

  const pass = async () => {
    for (const payment of await deps.payments.owingRefunds(20)) {
      await refundIfOwed(payment, deps).catch((err: unknown) => deps.logger.warn({ err, orderId: payment.orderId }, 'refund failed; tried again later'));
    }
  };
  // One pass at a time: a slow provider must not pile passes up.
  const tick = () => {
    if (busy) return;
    busy = true;
    running = pass()
      .catch((err: unknown) => deps.logger.warn({ err }, 'refund pass failed'))
      .finally(() => {
        busy = false;
      });
  };
  return {
    start() {
      timer ??= setInterval(tick, everyMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
