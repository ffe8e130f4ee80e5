import { createLogger } from '@commercex/platform';
import { describe, expect, it } from 'vitest';
import type { PaymentProvider } from '../../src/data-access/payment-provider.js';
import { createRefundWorker } from '../../src/workers/refund-worker.js';
import { inMemoryPayments } from './in-memory-payments.js';

const logger = createLogger({ service: 'payments-test', level: 'silent' });
const base = { userId: 'u1', amount: { amount: 500, currency: 'USD' as const }, createdAt: 'x', updatedAt: 'x' };

describe('refund worker', () => {
  it('when a refund is still owed after its delivery gave up, then the worker refunds it and leaves the others alone', async () => {
    const { repo, rows } = inMemoryPayments();
    rows.set('owed', { ...base, orderId: 'owed', status: 'SUCCEEDED', chargeId: 'ch_1', cancelledAt: 'x' });
    rows.set('kept', { ...base, orderId: 'kept', status: 'SUCCEEDED', chargeId: 'ch_2' });
    const refunded: string[] = [];
    let failFirst = true;
    const provider = {
      async refund(orderId: string) {
        if (failFirst) {
          failFirst = false;
          throw new Error('provider down');
        }
        refunded.push(orderId);
        return { refundedAt: '2026-01-01T00:02:00.000Z' };
      },
    } as unknown as PaymentProvider;

    const worker = createRefundWorker({ payments: repo, provider, logger }, 10);
    worker.start();
    await new Promise((r) => setTimeout(r, 80));
    await worker.stop();
    expect(refunded).toEqual(['owed']);
    expect(rows.get('owed')).toMatchObject({ status: 'REFUNDED', refundedAt: '2026-01-01T00:02:00.000Z' });
    expect(rows.get('kept')).toMatchObject({ status: 'SUCCEEDED' });
  });
});
