// Notifications from registration and order events through Dapr pub/sub on real Kafka, listed per user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../dev/stack/service-process.js';
import { callApp, eventually, metricValue, publish, startService } from '../support/test-stack.js';
import { events, newId } from './notification-events.js';

interface Listed {
  id: string;
  type: string;
  message: string;
  createdAt: string;
  orderId?: string;
}

describe('notifications', () => {
  let notifications: RunningService;

  const list = async (userId: string): Promise<Listed[]> => {
    const res = await callApp(notifications, 'GET', 'notifications', undefined, { 'x-user-id': userId });
    expect(res.status).toBe(200);
    return (res.body as { items: Listed[] }).items;
  };
  const listed = (userId: string, count: number) =>
    eventually(`${count} notifications for ${userId}`, async () => {
      const items = await list(userId);
      return items.length >= count ? items : undefined;
    }, 60_000);

  beforeAll(async () => {
    notifications = await startService('notifications');
  });

  afterAll(async () => {
    await notifications?.stop();
  });

  it('when order events arrive for two users, then each lists only their own, newest first, and redeliveries are told once', async () => {
    const [ada, bob] = [newId('ada'), newId('bob')];
    const [adaOrder, bobOrder] = [newId('order'), newId('order')];
    const t0 = Date.now() - 60_000;
    await publish('orders.created', events.created(adaOrder, ada, new Date(t0)), `${adaOrder}-created`);
    await publish('orders.created', events.created(bobOrder, bob, new Date(t0 + 1_000)), `${bobOrder}-created`);
    await publish('orders.confirmed', events.confirmed(adaOrder, ada, new Date(t0 + 2_000)), `${adaOrder}-confirmed`);
    const handled = { topic: 'orders.created', outcome: 'handled' };
    const before = await metricValue(notifications, 'events_received_total', handled);
    // The same event again (same CloudEvent id), and the same fact re-published under a new id.
    await publish('orders.created', events.created(adaOrder, ada, new Date(t0)), `${adaOrder}-created`);
    await publish('orders.created', events.created(adaOrder, ada, new Date(t0)), `${adaOrder}-created-again`);

    const adas = await listed(ada, 2);
    await eventually('both redeliveries received', async () => {
      const duplicates = await metricValue(notifications, 'events_received_total', { topic: 'orders.created', outcome: 'duplicate' });
      return duplicates >= 1 && (await metricValue(notifications, 'events_received_total', handled)) > before ? true : undefined;
    }, 60_000);
    expect(await list(ada)).toEqual(adas);
    expect(adas.map((n) => [n.type, n.orderId])).toEqual([['ORDER_CONFIRMED', adaOrder], ['ORDER_RECEIVED', adaOrder]]);
    expect(adas[0]).toEqual({ id: `order-confirmed:${adaOrder}`, type: 'ORDER_CONFIRMED', userId: ada, orderId: adaOrder, createdAt: new Date(t0 + 2_000).toISOString(), message: expect.stringContaining('is confirmed: $25.00') });
    expect((await listed(bob, 1)).map((n) => n.orderId)).toEqual([bobOrder]);
  });

  it('when a user registers and an order of theirs is cancelled, then they are welcomed and told why the order was cancelled', async () => {
    const cyd = newId('cyd');
    const orderId = newId('order');
    await publish('users.registered', events.registered(cyd, 'Cyd'), `${cyd}-registered`);
    await publish('orders.cancelled', events.cancelled(orderId, cyd, new Date(), 'PAYMENT_DECLINED'), `${orderId}-cancelled`);
    const items = await listed(cyd, 2);
    expect(items.find((n) => n.type === 'WELCOME')?.message).toBe('Welcome to CommerceX, Cyd!');
    expect(items.find((n) => n.type === 'ORDER_CANCELLED')?.message).toMatch(/was cancelled: the payment was declined\.$/);
  });

  it('when the caller is not named, then the list is refused with 401', async () => {
    const res = await callApp(notifications, 'GET', 'notifications');
    expect(res).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
  });
});
