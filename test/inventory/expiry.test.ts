// Reservations that are not settled in time expire: their stock returns and inventory.reservation-expired goes out (outbox).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../dev/stack/service-process.js';
import { eventually, metricValue, publish, startService } from '../support/test-stack.js';
import { listenTo, type EventListener } from './event-listener.js';
import { inventoryApi, newId, orderEvent } from './inventory-api.js';

describe('inventory expires unsettled reservations', () => {
  let inventory: RunningService;
  let listener: EventListener;
  let api: ReturnType<typeof inventoryApi>;

  beforeAll(async () => {
    // orders is the real subscriber of the topic; no orders runs in this file, so the listener takes its app id.
    [inventory, listener] = await Promise.all([
      startService('inventory', { SEED_STOCK: '0', RESERVATION_TTL_MS: '3000', SWEEP_INTERVAL_MS: '250' }),
      listenTo('inventory.reservation-expired', 'orders'),
    ]);
    api = inventoryApi(inventory);
  });

  afterEach(async () => {
    await api.expectConserved();
  });

  afterAll(async () => {
    await Promise.all([inventory?.stop(), listener?.stop()]);
  });

  it('when a reservation is not settled in time, then it expires, its stock returns and subscribers get inventory.reservation-expired once', async () => {
    const productId = await api.product(4);
    const orderId = newId('o');
    const reserved = await api.reserve(orderId, [{ productId, quantity: 3 }]);
    expect(reserved.status).toBe(201);
    expect(await api.ledger(productId)).toMatchObject({ available: 1, reserved: 3 });

    const expired = await eventually('the reservation to expire with its event published', async () => {
      const r = await api.reservation(orderId);
      return r.status === 'EXPIRED' && r.settled && !r.unpublishedEvents ? r : undefined;
    });
    expect(expired).toMatchObject({ orderId, status: 'EXPIRED' });
    expect(await api.ledger(productId)).toMatchObject({ available: 4, reserved: 0, sold: 0, stocked: 4 });

    const seen = await eventually('inventory.reservation-expired at the subscriber', async () => {
      const events = listener.received.filter((e) => (e.data as { orderId?: string }).orderId === orderId);
      return events.length > 0 ? events : undefined;
    }, 60_000);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.data).toMatchObject({ schemaVersion: 1, orderId, expiredAt: expect.any(String) });
    expect(await api.reserve(orderId, [{ productId, quantity: 3 }])).toMatchObject({ status: 201, body: { status: 'EXPIRED' } });
  });

  it('when the order is confirmed after its reservation expired, then nothing changes', async () => {
    const productId = await api.product(2);
    const orderId = newId('o');
    expect((await api.reserve(orderId, [{ productId, quantity: 2 }])).status).toBe(201);
    await eventually('the reservation to expire', async () => ((await api.reservation(orderId)).status === 'EXPIRED' ? true : undefined));

    const labels = { topic: 'orders.confirmed', outcome: 'handled' };
    const before = await metricValue(inventory, 'events_received_total', labels);
    await publish('orders.confirmed', orderEvent('confirmed', orderId, productId, 2), `${orderId}-confirmed`);
    await eventually('the late confirmation handled', async () => ((await metricValue(inventory, 'events_received_total', labels)) > before ? true : undefined), 60_000);
    expect(await api.ledger(productId)).toMatchObject({ available: 2, reserved: 0, sold: 0 });
    expect(await api.reservation(orderId)).toMatchObject({ status: 'EXPIRED' });
  });
});
