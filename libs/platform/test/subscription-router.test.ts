import { afterEach, describe, expect, it } from 'vitest';
import type { EventOf } from '@commercex/contracts';
import { createHttpApp, createSubscriptionRouter, PoisonEventError, type EventContext, type IdempotencyStore } from '../src/index.js';
import { InMemoryIdempotencyStore } from '../src/testing/index.js';
import { captureLogger, freshRegistry, serve } from './helpers.js';

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (stops.length) await stops.pop()?.();
});

const failed: EventOf<'payments.failed'> = { schemaVersion: 1, orderId: 'o-1', reason: 'PAYMENT_DECLINED' };
const cloudEvent = (data: unknown, id = 'evt-1') => ({
  id, source: 'payments', type: 'com.dapr.event.sent', specversion: '1.0', datacontenttype: 'application/json', topic: 'payments.failed', pubsubname: 'pubsub', data,
});

async function start(handler: (data: EventOf<'payments.failed'>, ctx: EventContext) => Promise<void>, idempotency: IdempotencyStore = new InMemoryIdempotencyStore()) {
  const { logger, lines } = captureLogger();
  const registry = freshRegistry();
  const subscriptions = createSubscriptionRouter({ pubsubName: 'pubsub', idempotency, logger, metrics: registry })
    .on('payments.failed', handler)
    .on('payments.succeeded', async () => undefined, { deadLetterTopic: 'payments.parked' });
  const app = createHttpApp({ service: 'orders', version: '1', logger, registry, routes: [subscriptions.router], appApiToken: 'app-token' });
  const running = await serve(app, logger);
  stops.push(running.stop);
  const deliver = async (body: unknown, contentType = 'application/cloudevents+json') => {
    const response = await fetch(`${running.url}/events/payments.failed`, {
      method: 'POST',
      headers: { 'content-type': contentType, 'dapr-api-token': 'app-token' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { http: response.status, ...((await response.json()) as { status?: string; error?: { code: string } }) };
  };
  const metric = async (text: string) => (await registry.metrics()).split('\n').find((line) => line.startsWith(text));
  return { url: running.url, deliver, lines, metric };
}

describe('subscription router', () => {
  it('when Dapr asks /dapr/subscribe, then every topic is listed with its route and dead-letter topic', async () => {
    const { url } = await start(async () => undefined);
    const response = await fetch(`${url}/dapr/subscribe`, { headers: { 'dapr-api-token': 'app-token' } });
    expect(await response.json()).toEqual([
      { pubsubname: 'pubsub', topic: 'payments.failed', route: '/events/payments.failed', deadLetterTopic: 'payments.failed.dlq' },
      { pubsubname: 'pubsub', topic: 'payments.succeeded', route: '/events/payments.succeeded', deadLetterTopic: 'payments.parked' },
    ]);
  });

  it('when a valid CloudEvent arrives, then the handler gets typed data and the answer is SUCCESS', async () => {
    const seen: Array<[EventOf<'payments.failed'>, string]> = [];
    const { deliver, metric } = await start(async (data, ctx) => {
      seen.push([data, ctx.id]);
    });
    expect(await deliver(cloudEvent(failed))).toEqual({ http: 200, status: 'SUCCESS' });
    expect(seen).toEqual([[failed, 'evt-1']]);
    expect(await metric('events_received_total{topic="payments.failed",outcome="handled"}')).toMatch(/ 1$/);
  });

  it('when the same event id arrives twice, then the handler runs once and both answers are SUCCESS', async () => {
    let runs = 0;
    const { deliver, metric } = await start(async () => {
      runs++;
    });
    await deliver(cloudEvent(failed));
    expect((await deliver(cloudEvent(failed))).status).toBe('SUCCESS');
    expect(runs).toBe(1);
    expect(await metric('events_received_total{topic="payments.failed",outcome="duplicate"}')).toMatch(/ 1$/);
  });

  it('when the handler fails, then the answer is RETRY and the redelivery runs it again', async () => {
    let attempts = 0;
    const { deliver, lines, metric } = await start(async () => {
      if (++attempts === 1) throw new Error('database blip');
    });
    expect((await deliver(cloudEvent(failed))).status).toBe('RETRY');
    expect((await deliver(cloudEvent(failed))).status).toBe('SUCCESS');
    expect(attempts).toBe(2);
    expect(lines().some((l) => l.msg === 'event handler failed; asking Dapr to redeliver' && l.eventId === 'evt-1')).toBe(true);
    expect(await metric('events_received_total{topic="payments.failed",outcome="retried"}')).toMatch(/ 1$/);
  });

  it('when the data breaks the topic schema, then it is DROPped as poison, logged with the reason and counted', async () => {
    let runs = 0;
    const { deliver, lines, metric } = await start(async () => {
      runs++;
    });
    expect((await deliver(cloudEvent({ ...failed, reason: 'NO_REASON' }))).status).toBe('DROP');
    expect(runs).toBe(0);
    const logged = lines().find((l) => l.reason === 'invalid_data');
    expect(logged).toMatchObject({ level: 'error', topic: 'payments.failed', eventId: 'evt-1', deadLetterTopic: 'payments.failed.dlq' });
    expect(String(logged?.detail)).toContain('reason');
    expect(await metric('events_dead_lettered_total{topic="payments.failed",reason="invalid_data"}')).toMatch(/ 1$/);
  });

  it('when the body is not a CloudEvent, then it is DROPped as an invalid envelope', async () => {
    const { deliver, metric } = await start(async () => undefined);
    expect((await deliver({ data: failed })).status).toBe('DROP');
    expect(await metric('events_dead_lettered_total{topic="payments.failed",reason="invalid_envelope"}')).toMatch(/ 1$/);
  });

  it('when the handler says the event is poison, then it is DROPped and the claim given back', async () => {
    const store = new InMemoryIdempotencyStore();
    const { deliver } = await start(async () => {
      throw new PoisonEventError('order o-1 does not exist');
    }, store);
    expect((await deliver(cloudEvent(failed))).status).toBe('DROP');
    expect(store.states.size).toBe(0);
  });

  it('when another delivery holds the claim, then the answer is RETRY without running the handler', async () => {
    const store = new InMemoryIdempotencyStore();
    await store.claim('payments.failed/evt-1');
    let runs = 0;
    const { deliver } = await start(async () => {
      runs++;
    }, store);
    expect((await deliver(cloudEvent(failed))).status).toBe('RETRY');
    expect(runs).toBe(0);
  });

  it('when the idempotency store is down, then the answer is RETRY', async () => {
    const broken: IdempotencyStore = {
      claim: () => Promise.reject(new Error('redis down')),
      complete: () => Promise.resolve(),
      release: () => Promise.resolve(),
    };
    const { deliver } = await start(async () => undefined, broken);
    expect((await deliver(cloudEvent(failed))).status).toBe('RETRY');
  });

  it('when the event arrives as plain application/json or as data_base64, then it is understood too', async () => {
    const seen: string[] = [];
    const { deliver } = await start(async (_data, ctx) => {
      seen.push(ctx.id);
    });
    expect((await deliver(cloudEvent(failed, 'evt-json'), 'application/json')).status).toBe('SUCCESS');
    const { data: _data, ...envelope } = cloudEvent(undefined, 'evt-b64');
    expect((await deliver({ ...envelope, data_base64: Buffer.from(JSON.stringify(failed)).toString('base64') })).status).toBe('SUCCESS');
    expect(seen).toEqual(['evt-json', 'evt-b64']);
  });

  it('when the dapr-api-token is missing, then the event route answers 401', async () => {
    const { url } = await start(async () => undefined);
    const response = await fetch(`${url}/events/payments.failed`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(cloudEvent(failed)) });
    expect(response.status).toBe(401);
  });

  it('when a topic is registered twice, then it is refused', () => {
    const { logger } = captureLogger();
    const router = createSubscriptionRouter({ pubsubName: 'pubsub', idempotency: new InMemoryIdempotencyStore(), logger, metrics: freshRegistry() });
    router.on('orders.created', async () => undefined);
    expect(() => router.on('orders.created', async () => undefined)).toThrow(/already has a handler/);
  });
});
