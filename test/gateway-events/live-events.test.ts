// GET /api/v1/events through the real gateway, its daprd, notifications' daprd and notifications, on real Kafka and Redis:
// a signed-in user's events arrive as they happen, only theirs, heartbeats pass, and leaving closes the upstream.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../dev/stack/service-process.js';
import { events, newId } from '../notifications/notification-events.js';
import { expectedError, startShop, type Shop } from '../shopping/support/shop.js';
import { callApp, eventually, metricValue, publish, startService } from '../support/test-stack.js';
import { openEvents, openRaw } from './support/event-client.js';

let shop: Shop;
let notifications: RunningService;

beforeAll(async () => {
  // One after the other: services started at once can be handed the same free ports.
  shop = await startShop(['users']);
  notifications = await startService('notifications', { SSE_HEARTBEAT_MS: '500' });
  // Kafka may take a while to hand a fresh consumer its partitions: the tests time what follows, not that.
  const warmUp = newId('warm-up');
  await publish('orders.confirmed', events.confirmed(newId('order'), warmUp, new Date()));
  await eventually('notifications consuming', async () => {
    const res = await callApp(notifications, 'GET', 'notifications', undefined, { 'x-user-id': warmUp });
    return (res.body as { items: unknown[] }).items.length > 0 ? true : undefined;
  }, 90_000);
});

afterAll(async () => {
  await Promise.all([shop?.stop(), notifications?.stop()]);
});

/** A new customer whose welcome (from users.registered) is already stored, so it cannot turn up on a stream opened later. */
async function customer(name: string) {
  const c = await shop.api.newCustomer(name);
  await eventually(`the welcome of ${name}`, async () => {
    const res = await shop.api.call('GET', '/api/v1/notifications', { token: c.token });
    return res.status === 200 && res.body.items.length > 0 ? true : undefined;
  }, 60_000);
  return c;
}

describe('live events through the gateway', () => {
  it("when an order of a signed-in user is confirmed, then their open stream gets it within seconds, and another user's stream does not", async () => {
    const [ada, bob] = await Promise.all([customer('Ada'), customer('Bob')]);
    const [onAda, onBob] = await Promise.all([openEvents(shop.api.baseUrl, ada.token), openEvents(shop.api.baseUrl, bob.token)]);
    try {
      const orderId = newId('order');
      const sent = Date.now();
      await publish('orders.confirmed', events.confirmed(orderId, ada.id, new Date()), `${orderId}-confirmed`);
      const got = await eventually('the events on Ada\'s stream', async () => (onAda.received.length >= 2 ? onAda.received : undefined), 5_000);
      expect(Date.now() - sent).toBeLessThan(5_000);
      expect(got.map((e) => e.event)).toEqual(['order-status', 'notification']);
      expect(got[0]!.data).toMatchObject({ orderId, status: 'CONFIRMED' });
      expect(got[1]!.data).toMatchObject({ id: `order-confirmed:${orderId}`, type: 'ORDER_CONFIRMED', userId: ada.id, orderId });
      // Bob's stream is just as live: an event of his arrives, and Ada's never did.
      const bobOrder = newId('order');
      await publish('orders.cancelled', events.cancelled(bobOrder, bob.id, new Date(), 'PAYMENT_DECLINED'), `${bobOrder}-cancelled`);
      const bobs = await eventually('the events on Bob\'s stream', async () => (onBob.received.length >= 2 ? onBob.received : undefined), 5_000);
      expect(bobs.map((e) => e.data.orderId)).toEqual([bobOrder, bobOrder]);
      expect(onAda.received).toHaveLength(2);
      expect([onAda.failed, onBob.failed]).toEqual([undefined, undefined]);
    } finally {
      onAda.close();
      onBob.close();
    }
  });

  it('when a stream is open, then it is text/event-stream with the request id, its heartbeats pass through, and each event arrives while the stream stays open', async () => {
    const cyd = await customer('Cyd');
    const stream = await openRaw(shop.api.baseUrl, { authorization: `Bearer ${cyd.token}`, 'x-request-id': 'events-req-1' });
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(stream.headers.get('cache-control')).toMatch(/no-cache/);
      expect(stream.headers.get('x-request-id')).toBe('events-req-1');
      expect(stream.headers.get('ratelimit-remaining')).toEqual(expect.any(String));
      await stream.waitFor(/^event: ?ready$/m);
      // Heartbeats are comment lines, every 500 ms here.
      await stream.waitFor(/(^:.*\n[\s\S]*){3}/m, 5_000);
      const orderId = newId('order');
      await publish('orders.created', events.created(orderId, cyd.id, new Date()), `${orderId}-created`);
      const text = await stream.waitFor(/^event: ?notification$/m, 5_000);
      expect(text).toContain(`"id":"order-received:${orderId}"`);
      expect(stream.ended()).toBe(false);
    } finally {
      stream.close();
    }
  });

  it('when a stream stays open longer than the invocation timeout, then it keeps delivering', async () => {
    const dee = await customer('Dee');
    const stream = await openEvents(shop.api.baseUrl, dee.token);
    try {
      // Longer than the 3 s invocation timeout of the other apps (components/*/resiliency.yaml), which would end it.
      await new Promise((r) => setTimeout(r, 8_000));
      expect(stream.failed).toBeUndefined();
      const orderId = newId('order');
      await publish('orders.created', events.created(orderId, dee.id, new Date()), `${orderId}-created`);
      await eventually('the event after 8 s', async () => (stream.received.length >= 2 ? true : undefined), 5_000);
      expect(stream.received[0]!.data).toMatchObject({ orderId, status: 'PENDING_PAYMENT' });
    } finally {
      stream.close();
    }
  });

  it('when the client leaves, then the stream behind the gateway is closed too', async () => {
    const eve = await customer('Eve');
    const baseline = await metricValue(notifications, 'notifications_live_streams');
    const stream = await openRaw(shop.api.baseUrl, { authorization: `Bearer ${eve.token}` });
    await stream.waitFor(/^event: ?ready$/m);
    await eventually('the stream open at notifications', async () => ((await metricValue(notifications, 'notifications_live_streams')) > baseline ? true : undefined), 5_000);
    expect(await metricValue(shop.gateway, 'gateway_event_streams')).toBeGreaterThanOrEqual(1);
    stream.close();
    await eventually('the stream closed at notifications', async () => ((await metricValue(notifications, 'notifications_live_streams')) === baseline ? true : undefined), 5_000);
    await eventually('the stream closed at the gateway', async () => ((await metricValue(shop.gateway, 'gateway_event_streams')) === 0 ? true : undefined), 5_000);
  });

  it('when there is no token or a bad one, then 401 UNAUTHENTICATED and nothing is streamed', async () => {
    const attempts: Array<Record<string, string>> = [{}, { authorization: 'Bearer not-a-token' }, { authorization: 'Basic dXNlcjpwYXNz' }];
    for (const headers of attempts) {
      const res = await shop.api.call('GET', '/api/v1/events', { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.body).toEqual(expectedError('UNAUTHENTICATED'));
    }
  });

  it('when the OpenAPI document is read, then /api/v1/events is there as text/event-stream for signed-in callers', async () => {
    const doc = (await shop.api.call('GET', '/api/v1/openapi.json')).body;
    const op = doc.paths['/api/v1/events'].get;
    expect(op.security).toEqual([{ bearerAuth: [] }]);
    expect(Object.keys(op.responses['200'].content)).toEqual(['text/event-stream']);
    expect(Object.keys(op.responses)).toEqual(['200', '401', '429', '503']);
  });

  // Last: it stops notifications.
  it('when notifications stops, then open streams end, and opening one answers 503 UNAVAILABLE without internals', async () => {
    const fay = await shop.api.newCustomer('Fay');
    const open = await openRaw(shop.api.baseUrl, { authorization: `Bearer ${fay.token}` });
    await open.waitFor(/^event: ?ready$/m);
    await notifications.stop();
    await eventually('the open stream ended', async () => (open.ended() ? true : undefined), 20_000);
    const res = await shop.api.call('GET', '/api/v1/events', { token: fay.token });
    expect(res.status).toBe(503);
    expect(res.body).toEqual(expectedError('UNAVAILABLE'));
    expect(JSON.stringify(res.body)).not.toMatch(/notifications|dapr|invoke/i);
  });
});
