// Inventory's internal API, called on its app port with the token its sidecar would send (through the sidecar, Dapr's
// resiliency policy retries 4xx answers and counts them toward the circuit breaker), plus the checks after each scenario.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { RunningService } from '../../dev/stack/service-process.js';
import { callApp } from '../support/test-stack.js';

export interface Ledger {
  productId: string;
  available: number;
  reserved: number;
  sold: number;
  stocked: number;
}

export const admin = { 'x-user-id': 'admin-1', 'x-user-roles': 'customer,admin' };

export const newId = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

export function inventoryApi(inventory: RunningService) {
  const touched = new Set<string>();
  const call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => callApp(inventory, method, path, body, headers);

  const api = {
    call,
    /** A product of its own for one scenario, stocked with this many units. */
    async product(available: number): Promise<string> {
      const productId = newId('p');
      await api.setStock(productId, available);
      return productId;
    },
    async setStock(productId: string, available: number): Promise<void> {
      touched.add(productId);
      const res = await call('PUT', `inventory/${productId}`, { available }, admin);
      expect(res.status).toBe(200);
    },
    reserve: (orderId: string, items: Array<{ productId: string; quantity: number }>) => call('POST', 'reservations', { orderId, items }),
    async reservation(orderId: string): Promise<{ status: string; settled: boolean; unpublishedEvents: boolean }> {
      const res = await call('GET', `reservations/${orderId}`);
      expect(res.status).toBe(200);
      return res.body as { status: string; settled: boolean; unpublishedEvents: boolean };
    },
    async ledger(productId: string): Promise<Ledger> {
      const res = await call('GET', `inventory/${productId}/ledger`);
      expect(res.status).toBe(200);
      return res.body as Ledger;
    },
    /** For every product stocked so far (only those have a ledger): available + reserved + sold equals what was stocked. */
    async expectConserved(): Promise<void> {
      for (const productId of touched) {
        const l = await api.ledger(productId);
        expect(l.available + l.reserved + l.sold, `ledger of ${productId}: ${JSON.stringify(l)}`).toBe(l.stocked);
        expect(Math.min(l.available, l.reserved, l.sold)).toBeGreaterThanOrEqual(0);
      }
    },
  };
  return api;
}

/** The data of an order event for one order with one line, as orders publishes it. */
export function orderEvent(kind: 'confirmed' | 'cancelled', orderId: string, productId: string, quantity: number) {
  const base = {
    schemaVersion: 1,
    orderId,
    userId: 'user-1',
    items: [{ productId, name: 'Mug', quantity, unitPrice: { amount: 1_000, currency: 'USD' } }],
    total: { amount: 1_000 * quantity, currency: 'USD' },
  };
  const at = new Date().toISOString();
  return kind === 'confirmed' ? { ...base, confirmedAt: at } : { ...base, reason: 'PAYMENT_DECLINED', cancelledAt: at };
}
