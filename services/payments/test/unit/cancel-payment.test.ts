import { createLogger } from '@commercex/platform';
import { describe, expect, it } from 'vitest';
import type { ChargeRequest, PaymentProvider } from '../../src/data-access/payment-provider.js';
import type { ChargeResult } from '../../src/domain/payment.js';
import { cancelPayment } from '../../src/use-cases/cancel-payment.js';
import { chargeOrder } from '../../src/use-cases/charge-order.js';
import { cancelled, created } from './fixtures.js';
import { inMemoryPayments } from './in-memory-payments.js';

const logger = createLogger({ service: 'payments-test', level: 'silent' });
const pendingOrder = { statusOf: async () => 'PENDING_PAYMENT' as const };

/** A provider whose charge answers when the test says so; it records charges and refunds. */
function provider(answer: ChargeResult = { kind: 'approved', chargeId: 'ch_1' }) {
  const calls = { charges: [] as ChargeRequest[], refunds: [] as string[], lookups: 0 };
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => (release = r));
  const p: PaymentProvider = {
    async charge(req) {
      calls.charges.push(req);
      await gate;
      return answer;
    },
    async lookup() {
      calls.lookups++;
      return calls.charges.length ? answer : { kind: 'unknown' };
    },
    async refund(orderId) {
      calls.refunds.push(orderId);
      return { refundedAt: '2026-01-01T00:02:00.000Z' };
    },
  };
  return { p, calls, release };
}

describe('orders.cancelled against each state of the payment', () => {
  it('when the order is cancelled while its charge is in flight, then the approved charge is refunded at once and no outcome is published', async () => {
    const { repo, rows, events } = inMemoryPayments();
    const { p, calls, release } = provider();
    const deps = { payments: repo, provider: p, logger, orders: pendingOrder, onNewEvent: () => undefined };
    const charging = chargeOrder(created, deps);
    await new Promise((r) => setTimeout(r, 5));
    await cancelPayment(cancelled, deps);
    expect(rows.get('o1')).toMatchObject({ status: 'PENDING', cancelledAt: expect.any(String) });
    expect(calls.refunds).toEqual([]);

    release();
    await charging;
    expect(rows.get('o1')).toMatchObject({ status: 'REFUNDED', chargeId: 'ch_1', refundedAt: '2026-01-01T00:02:00.000Z' });
    expect(calls.refunds).toEqual(['o1']);
    expect(events).toEqual([]);
  });

  it('when the order is cancelled after it was charged, then it is refunded once however often the event comes', async () => {
    const { repo, rows } = inMemoryPayments();
    const { p, calls, release } = provider();
    release();
    const deps = { payments: repo, provider: p, logger, orders: pendingOrder, onNewEvent: () => undefined };
    await chargeOrder(created, deps);
    await cancelPayment(cancelled, deps);
    await cancelPayment(cancelled, deps);
    await chargeOrder(created, deps);
    expect(rows.get('o1')).toMatchObject({ status: 'REFUNDED' });
    expect(calls.refunds).toEqual(['o1']);
    expect(calls.charges).toHaveLength(1);
  });

  it('when the order is cancelled before payments saw it, then the later orders.created charges nothing', async () => {
    const { repo, rows, events } = inMemoryPayments();
    const { p, calls } = provider();
    const deps = { payments: repo, provider: p, logger, orders: pendingOrder, onNewEvent: () => undefined };
    await cancelPayment(cancelled, deps);
    await chargeOrder(created, deps);
    expect(rows.get('o1')).toMatchObject({ status: 'VOID' });
    expect(calls).toEqual({ charges: [], refunds: [], lookups: 0 });
    expect(events).toEqual([]);
  });

  it('when the charge was declined, then a cancellation refunds nothing', async () => {
    const { repo, rows } = inMemoryPayments();
    const { p, calls, release } = provider({ kind: 'declined', chargeId: 'ch_1' });
    release();
    const deps = { payments: repo, provider: p, logger, orders: pendingOrder, onNewEvent: () => undefined };
    await chargeOrder(created, deps);
    await cancelPayment({ ...cancelled, reason: 'PAYMENT_DECLINED' }, deps);
    expect(rows.get('o1')).toMatchObject({ status: 'FAILED', reason: 'PAYMENT_DECLINED' });
    expect(rows.get('o1')?.cancelledAt).toBeUndefined();
    expect(calls.refunds).toEqual([]);
  });

  it('when a cancelled order is delivered again before it was charged, then it is only looked up, never charged', async () => {
    const { repo, rows } = inMemoryPayments();
    const { p, calls } = provider();
    const deps = { payments: repo, provider: p, logger, orders: pendingOrder, onNewEvent: () => undefined };
    rows.set('o1', { orderId: 'o1', userId: 'u1', amount: created.total, status: 'PENDING', cancelledAt: 'x', createdAt: 'x', updatedAt: 'x' });
    await chargeOrder(created, deps);
    expect(calls.charges).toEqual([]);
    expect(calls.lookups).toBe(1);
    expect(rows.get('o1')).toMatchObject({ status: 'VOID' });
  });

  it('when orders already has the order cancelled as payments first sees it, then it is never charged', async () => {
    const { repo, rows, events } = inMemoryPayments();
    const { p, calls } = provider();
    const orders = { statusOf: async () => 'CANCELLED' as const };
    await chargeOrder(created, { payments: repo, provider: p, logger, orders, onNewEvent: () => undefined });
    expect(calls.charges).toEqual([]);
    expect(rows.get('o1')).toMatchObject({ status: 'VOID', cancelledAt: expect.any(String) });
    expect(events).toEqual([]);
  });

  it('when orders cannot say, then the order is charged (a cancellation that follows is refunded)', async () => {
    const { repo, rows } = inMemoryPayments();
    const { p, calls, release } = provider();
    release();
    const orders = { statusOf: () => Promise.reject(new Error('orders is unavailable')) };
    await chargeOrder(created, { payments: repo, provider: p, logger, orders, onNewEvent: () => undefined });
    expect(calls.charges).toHaveLength(1);
    expect(rows.get('o1')).toMatchObject({ status: 'SUCCEEDED' });
  });
});
