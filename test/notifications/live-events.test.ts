// GET /events streams a user's order status changes and notifications as they happen, from any replica (Redis fan-out).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../dev/stack/service-process.js';
import { callApp, eventually, metricValue, publish, startService } from '../support/test-stack.js';
import { events, newId, openStream } from './notification-events.js';

describe('live notification events', () => {
  let replicaA: RunningService;
  let replicaB: RunningService;

  beforeAll(async () => {
    [replicaA, replicaB] = await Promise.all([startService('notifications', { SSE_HEARTBEAT_MS: '300' }), startService('notifications', { SSE_HEARTBEAT_MS: '300' })]);
  });

  afterAll(async () => {
    await Promise.all([replicaA?.stop(), replicaB?.stop()]);
  });

  it('when an order event is consumed while the user streams from two replicas, then both streams get the status change and the notification', async () => {
    const userId = newId('dee');
    const orderId = newId('order');
    const [onA, onB, stranger] = await Promise.all([openStream(replicaA, userId), openStream(replicaB, userId), openStream(replicaA, newId('eve'))]);
    try {
      // Only one replica consumes the event (one consumer group); the other sees it through Redis.
      await publish('orders.confirmed', events.confirmed(orderId, userId, new Date()), `${orderId}-confirmed`);
      for (const client of [onA, onB]) {
        const got = await eventually('the live events on both replicas', async () => (client.received.length >= 2 ? client.received : undefined), 60_000);
        expect(got.map((e) => e.event)).toEqual(['order-status', 'notification']);
        expect(got[0]!.data).toMatchObject({ orderId, status: 'CONFIRMED' });
        expect(got[1]!.data).toMatchObject({ id: `order-confirmed:${orderId}`, type: 'ORDER_CONFIRMED', userId });
      }
      expect(stranger.received).toEqual([]);
      const stored = await callApp(replicaB, 'GET', 'notifications', undefined, { 'x-user-id': userId });
      expect((stored.body as { items: unknown[] }).items).toHaveLength(1);
    } finally {
      for (const client of [onA, onB, stranger]) client.close();
    }
  });

  it('when a stream is idle, then heartbeat comments keep it open, and when the client leaves, then the stream is cleaned up', async () => {
    const controller = new AbortController();
    const res = await fetch(`${replicaA.url}/events`, {
      headers: { 'dapr-api-token': replicaA.appApiToken, 'x-user-id': newId('fay') },
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    let text = '';
    while (!/^:/m.test(text)) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toMatch(/^event: ?ready$/m);
    await eventually('the open stream counted', async () => ((await metricValue(replicaA, 'notifications_live_streams')) >= 1 ? true : undefined));
    controller.abort();
    await eventually('the stream cleaned up', async () => ((await metricValue(replicaA, 'notifications_live_streams')) === 0 ? true : undefined));
  });

  it('when the caller is not named, then the stream is refused with 401', async () => {
    const res = await callApp(replicaA, 'GET', 'events');
    expect(res).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
  });
});
