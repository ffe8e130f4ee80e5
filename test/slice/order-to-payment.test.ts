// The foundation slice: orders publishes orders.created through Dapr and Kafka, payments consumes it and charges the
// provider once per order, and its outcome comes back to orders — on real daprd, Kafka and FerretDB, no gateway.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../dev/stack/service-process.js';
import { chargesOf } from '../checkout/support/payment-provider.js';
import { startServices } from '../support/start-services.js';
import { callApp, eventually, invoke } from '../support/test-stack.js';

const admin = { 'x-user-id': 'admin-1', 'x-user-roles': 'customer,admin' };

describe('order events reach payments through Dapr and Kafka', () => {
  let running: RunningService[] = [];
  let orders: RunningService;
  let payments: RunningService;

  beforeAll(async () => {
    running = await startServices([{ name: 'orders' }, { name: 'payments' }, { name: 'catalog' }, { name: 'inventory' }]);
    orders = running[0]!;
    payments = running[1]!;
  });

  afterAll(async () => {
    await Promise.all(running.map((s) => s.stop()));
  });

  /** A product of this test's own, added and stocked with what the gateway would send catalog and inventory (only it may). */
  async function stockedProduct(available: number): Promise<string> {
    const body = { sku: `SL-${randomUUID().slice(0, 8)}`, name: 'Slice Mug', description: 'A mug for the slice test', category: 'test-slice', price: { amount: 1_250, currency: 'USD' } };
    const created = await callApp(running[2]!, 'POST', 'products', body, admin);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const productId = (created.body as { id: string }).id;
    const stocked = await callApp(running[3]!, 'PUT', `inventory/${productId}`, { available }, admin);
    expect(stocked.status, JSON.stringify(stocked.body)).toBe(200);
    return productId;
  }

  it('when orders are placed, then payments charges each once for its total and orders confirms it', async () => {
    const productId = await stockedProduct(10);
    const placed = await Promise.all([1, 2, 3].map(async (quantity) => {
      const userId = `slice-user-${randomUUID().slice(0, 8)}`;
      const res = await invoke(orders, 'orders', 'orders', {
        method: 'POST',
        headers: { 'x-user-id': userId, 'idempotency-key': randomUUID() },
        body: { items: [{ productId, quantity }], payment: { token: 'tok_visa' } },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return { userId, order: res.body as { id: string; total: { amount: number } } };
    }));
    expect(placed.map((p) => p.order.total.amount)).toEqual([1_250, 2_500, 3_750]);

    for (const { userId, order } of placed) {
      const payment = await eventually(`the payment of order ${order.id}`, async () => {
        // No service invokes payments, so its sidecar admits no caller: asked directly, with its app token.
        const res = await callApp(payments, 'GET', `payments/${order.id}`);
        return res.status === 200 && (res.body as { status: string }).status !== 'PENDING' ? res.body : undefined;
      }, 60_000);
      expect(payment).toMatchObject({ orderId: order.id, userId, status: 'SUCCEEDED', amount: order.total });
      expect((await chargesOf(order.id)).items).toMatchObject([{ status: 'approved', amount: order.total.amount }]);
      const confirmed = await eventually(`order ${order.id} confirmed`, async () => {
        const res = await invoke(orders, 'orders', `orders/${order.id}`, { headers: { 'x-user-id': userId } });
        return (res.body as { status: string }).status === 'CONFIRMED' ? res.body : undefined;
      }, 60_000);
      expect(confirmed).toMatchObject({ id: order.id, status: 'CONFIRMED' });
    }
  });
});
