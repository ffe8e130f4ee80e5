// Order outcomes settle reservations through Dapr pub/sub on real Kafka: once per event id and once per order.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../dev/stack/service-process.js';
import { eventually, metricValue, publish, startService } from '../support/test-stack.js';
import { inventoryApi, newId, orderEvent } from './inventory-api.js';

describe('inventory settles reservations on order outcomes', () => {
  let inventory: RunningService;
  let api: ReturnType<typeof inventoryApi>;

  /** Publishes an order event and waits until inventory has received it with the given outcome. */
  async function deliver(topic: 'orders.confirmed' | 'orders.cancelled', data: unknown, eventId: string, outcome: 'handled' | 'duplicate'): Promise<void> {
    const labels = { topic, outcome };
    const before = await metricValue(inventory, 'events_received_total', labels);
    await publish(topic, data, eventId);
    await eventually(`${topic} ${eventId} ${outcome}`, async () => ((await metricValue(inventory, 'events_received_total', labels)) > before ? true : undefined), 60_000);
  }

  async function reserved(available: number, quantity: number): Promise<{ productId: string; orderId: string }> {
    const productId = await api.product(available);
    const orderId = newId('o');
    expect((await api.reserve(orderId, [{ productId, quantity }])).status).toBe(201);
    return { productId, orderId };
  }

  beforeAll(async () => {
    inventory = await startService('inventory', { SEED_STOCK: '0' });
    api = inventoryApi(inventory);
  });

  afterEach(async () => {
    await api.expectConserved();
  });

  afterAll(async () => {
    await inventory?.stop();
  });

  it('when an order is confirmed, then its reserved units are sold, and the same event delivered twice has one effect', async () => {
    const { productId, orderId } = await reserved(5, 2);
    const event = orderEvent('confirmed', orderId, productId, 2);
    await deliver('orders.confirmed', event, `${orderId}-confirmed`, 'handled');
    expect(await api.ledger(productId)).toMatchObject({ available: 3, reserved: 0, sold: 2, stocked: 5 });
    expect(await api.reservation(orderId)).toMatchObject({ status: 'COMMITTED', settled: true });

    await deliver('orders.confirmed', event, `${orderId}-confirmed`, 'duplicate');
    expect(await api.ledger(productId)).toMatchObject({ available: 3, reserved: 0, sold: 2 });
  });

  it('when an order is cancelled, then its units are available again, and the same cancellation under a new event id changes nothing', async () => {
    const { productId, orderId } = await reserved(4, 3);
    const event = orderEvent('cancelled', orderId, productId, 3);
    await deliver('orders.cancelled', event, `${orderId}-cancelled`, 'handled');
    expect(await api.ledger(productId)).toMatchObject({ available: 4, reserved: 0, sold: 0, stocked: 4 });
    expect(await api.reservation(orderId)).toMatchObject({ status: 'RELEASED', settled: true });

    await deliver('orders.cancelled', event, `${orderId}-cancelled-again`, 'handled');
    expect(await api.ledger(productId)).toMatchObject({ available: 4, reserved: 0, sold: 0 });
  });

  it('when a confirmation arrives after the order was cancelled, then the released stock stays released', async () => {
    const { productId, orderId } = await reserved(6, 1);
    await deliver('orders.cancelled', orderEvent('cancelled', orderId, productId, 1), `${orderId}-cancelled`, 'handled');
    await deliver('orders.confirmed', orderEvent('confirmed', orderId, productId, 1), `${orderId}-confirmed`, 'handled');
    expect(await api.ledger(productId)).toMatchObject({ available: 6, reserved: 0, sold: 0 });
    expect(await api.reservation(orderId)).toMatchObject({ status: 'RELEASED' });
  });

  it('when outcomes arrive for orders of one product, then each order moves only its own units', async () => {
    const productId = await api.product(10);
    const [kept, dropped] = [newId('o'), newId('o')];
    expect((await api.reserve(kept, [{ productId, quantity: 3 }])).status).toBe(201);
    expect((await api.reserve(dropped, [{ productId, quantity: 4 }])).status).toBe(201);
    await Promise.all([
      deliver('orders.confirmed', orderEvent('confirmed', kept, productId, 3), `${kept}-confirmed`, 'handled'),
      deliver('orders.cancelled', orderEvent('cancelled', dropped, productId, 4), `${dropped}-cancelled`, 'handled'),
    ]);
    await eventually('both outcomes applied', async () => ((await api.ledger(productId)).reserved === 0 ? true : undefined));
    expect(await api.ledger(productId)).toMatchObject({ available: 7, reserved: 0, sold: 3, stocked: 10 });
  });
});
