// The repository's contract in memory, for use-case tests: one map, changes applied only from the status decided on.
import type { PaymentRepository } from '../../src/data-access/payment-repository.js';
import type { Payment, PaymentChange } from '../../src/domain/payment.js';

export function inMemoryPayments() {
  const rows = new Map<string, Payment>();
  const events: unknown[] = [];
  const repo = {
    async open(p: Payment) {
      if (!rows.has(p.orderId)) rows.set(p.orderId, p);
      return rows.get(p.orderId)!;
    },
    async findByOrderId(orderId: string) {
      return rows.get(orderId);
    },
    async apply(orderId: string, decide: (current: Payment) => PaymentChange | undefined) {
      const current = rows.get(orderId);
      const change = current && decide(current);
      if (!current || !change || change.from !== current.status) return { payment: current, changed: false, published: false };
      rows.set(orderId, { ...current, ...change.set });
      if (change.event) events.push(change.event);
      return { payment: rows.get(orderId), changed: true, published: change.event !== undefined };
    },
    async owingRefunds() {
      return [...rows.values()].filter((p) => p.status === 'SUCCEEDED' && p.cancelledAt);
    },
  };
  return { repo: repo as unknown as PaymentRepository, rows, events };
}
