import { afterEach, describe, expect, it } from 'vitest';
import { EventValidationError } from '@commercex/contracts';
import { AppError, DaprSidecar, runWithRequestId } from '../src/index.js';
import { startFakeSidecar, type FakeReply, type RecordedRequest } from './fake-sidecar.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()?.();
});

async function sidecar(reply: (request: RecordedRequest) => FakeReply | Promise<FakeReply>, apiToken?: string) {
  const fake = await startFakeSidecar(reply);
  closers.push(fake.close);
  const dapr = new DaprSidecar({ host: '127.0.0.1', httpPort: fake.port, apiToken, pubsubName: 'pubsub', timeoutMs: 1_000 });
  return { dapr, requests: fake.requests };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

const paymentSucceeded = { schemaVersion: 1 as const, orderId: 'o-1', paymentId: 'pay-1', amount: { amount: 100, currency: 'USD' as const } };

describe('DaprSidecar.publish', () => {
  it('when the data is valid, then it posts JSON with the aggregate id as partition key and the api token', async () => {
    const { dapr, requests } = await sidecar(() => ({ status: 204 }), 'dapr-secret');
    await runWithRequestId('req-9', () => dapr.publish('payments.succeeded', paymentSucceeded));
    const [request] = requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1.0/publish/pubsub/payments.succeeded?metadata.partitionKey=o-1');
    expect(request?.headers['dapr-api-token']).toBe('dapr-secret');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['x-request-id']).toBe('req-9');
    expect(JSON.parse(request?.body ?? '')).toEqual(paymentSucceeded);
  });

  it('when given an event id and a partition key, then they become cloudevent.id and partitionKey metadata', async () => {
    const { dapr, requests } = await sidecar(() => ({ status: 204 }));
    await dapr.publish('payments.succeeded', paymentSucceeded, { eventId: 'outbox-7', partitionKey: 'k' });
    const query = new URL(`http://x${requests[0]?.url}`).searchParams;
    expect([query.get('metadata.partitionKey'), query.get('metadata.cloudevent.id')]).toEqual(['k', 'outbox-7']);
    expect(requests[0]?.headers['dapr-api-token']).toBeUndefined();
  });

  it('when the data breaks the schema, then it throws before calling the sidecar', async () => {
    const { dapr, requests } = await sidecar(() => ({ status: 204 }));
    const bad = { ...paymentSucceeded, amount: { amount: -5, currency: 'USD' as const } };
    await expect(dapr.publish('payments.succeeded', bad)).rejects.toBeInstanceOf(EventValidationError);
    expect(requests).toHaveLength(0);
  });

  it('when the sidecar fails the publish, then it is 503 UNAVAILABLE with the reason', async () => {
    const { dapr } = await sidecar(() => ({ status: 500, body: { errorCode: 'ERR_PUBSUB_PUBLISH_MESSAGE', message: 'broker down' } }));
    const err = await rejection(dapr.publish('payments.succeeded', paymentSucceeded));
    expect([err.status, err.code]).toEqual([503, 'UNAVAILABLE']);
    expect(err.details).toMatchObject({ topic: 'payments.succeeded', status: 500, daprErrorCode: 'ERR_PUBSUB_PUBLISH_MESSAGE', reason: 'broker down' });
  });

  it('when the sidecar cannot be reached, then it is 503 UNAVAILABLE', async () => {
    const dapr = new DaprSidecar({ host: '127.0.0.1', httpPort: 1, timeoutMs: 500 });
    const err = await rejection(dapr.publish('payments.succeeded', paymentSucceeded));
    expect(err.code).toBe('UNAVAILABLE');
  });
});

describe('DaprSidecar.invoke', () => {
  it('when the downstream answers 2xx, then the JSON body is returned', async () => {
    const { dapr, requests } = await sidecar(() => ({ status: 200, body: { id: 'p-1' } }));
    const product = await dapr.invoke<{ id: string }>('catalog', 'products/p-1', { query: { fields: 'price', skip: undefined } });
    expect(product).toEqual({ id: 'p-1' });
    expect(requests[0]?.url).toBe('/v1.0/invoke/catalog/method/products/p-1?fields=price');
  });

  it('when sending a body, then it is JSON with the given method and headers', async () => {
    const { dapr, requests } = await sidecar(() => ({ status: 204 }));
    const result = await dapr.invoke('inventory', '/reservations', { httpMethod: 'POST', body: { orderId: 'o-1' }, headers: { 'idempotency-key': 'k' } });
    expect(result).toBeUndefined();
    expect(requests[0]).toMatchObject({ method: 'POST', url: '/v1.0/invoke/inventory/method/reservations', body: '{"orderId":"o-1"}' });
    expect(requests[0]?.headers['idempotency-key']).toBe('k');
  });

  it('when the downstream answers 4xx with an API error, then it passes through with its status', async () => {
    const body = { error: { code: 'OUT_OF_STOCK', message: 'not enough', details: [{ productId: 'p-1', available: 0 }] } };
    const { dapr } = await sidecar(() => ({ status: 409, body }));
    const err = await rejection(dapr.invoke('inventory', 'reservations', { httpMethod: 'POST', body: {} }));
    expect([err.status, err.code, err.message, err.details]).toEqual([409, 'OUT_OF_STOCK', 'not enough', body.error.details]);
  });

  it('when the downstream answers 5xx, then it is 503 UNAVAILABLE naming the app', async () => {
    const { dapr } = await sidecar(() => ({ status: 500, body: { error: { code: 'INTERNAL', message: 'Internal error' } } }));
    const err = await rejection(dapr.invoke('inventory', 'reservations'));
    expect([err.status, err.code]).toEqual([503, 'UNAVAILABLE']);
    expect(err.details).toMatchObject({ appId: 'inventory', status: 500 });
  });

  it('when Dapr itself refuses (not our error shape), then it is 503 UNAVAILABLE', async () => {
    const { dapr } = await sidecar(() => ({ status: 403, body: { errorCode: 'ERR_PERMISSION_DENIED', message: 'access control' } }));
    expect((await rejection(dapr.invoke('orders', 'x'))).code).toBe('UNAVAILABLE');
  });

  it('when the downstream is too slow, then it is 503 UNAVAILABLE after the timeout', async () => {
    const { dapr } = await sidecar(() => new Promise<FakeReply>((resolve) => setTimeout(() => resolve({ status: 200 }), 500)));
    expect((await rejection(dapr.invoke('catalog', 'slow', { timeoutMs: 50 }))).code).toBe('UNAVAILABLE');
  });
});

describe('DaprSidecar state', () => {
  it('when a key exists, then get returns its value and ETag', async () => {
    const { dapr, requests } = await sidecar(() => ({ status: 200, body: { items: [] }, headers: { etag: '7' } }));
    expect(await dapr.getState('statestore', 'cart:u-1')).toEqual({ value: { items: [] }, etag: '7' });
    expect(requests[0]?.url).toBe('/v1.0/state/statestore/cart%3Au-1');
  });

  it('when a key is missing, then get returns undefined', async () => {
    const { dapr } = await sidecar(() => ({ status: 204 }));
    expect(await dapr.getState('statestore', 'nope')).toBeUndefined();
  });

  it('when saving with an ETag, then it sends first-write concurrency', async () => {
    const { dapr, requests } = await sidecar(() => ({ status: 204 }));
    await dapr.saveState('statestore', 'k', { n: 1 }, { etag: '7' });
    expect(JSON.parse(requests[0]?.body ?? '')).toEqual([{ key: 'k', value: { n: 1 }, etag: '7', options: { concurrency: 'first-write' } }]);
  });

  it('when the ETag is stale, then save and delete throw 409 CONFLICT so the caller can re-read and retry', async () => {
    const { dapr, requests } = await sidecar(() => ({ status: 409, body: { errorCode: 'ERR_STATE_SAVE', message: 'etag mismatch' } }));
    expect((await rejection(dapr.saveState('statestore', 'k', {}, { etag: '6' }))).status).toBe(409);
    expect((await rejection(dapr.deleteState('statestore', 'k', { etag: '6' }))).code).toBe('CONFLICT');
    expect(requests[1]?.headers['if-match']).toBe('6');
  });

  it('when the store fails, then it is 503 UNAVAILABLE', async () => {
    const { dapr } = await sidecar(() => ({ status: 500, body: { errorCode: 'ERR_STATE_GET', message: 'redis down' } }));
    expect((await rejection(dapr.getState('statestore', 'k'))).code).toBe('UNAVAILABLE');
  });
});

describe('DaprSidecar secrets, bindings and health', () => {
  it('when a secret exists, then its values are returned', async () => {
    const { dapr, requests } = await sidecar(() => ({ status: 200, body: { 'jwt-signing-key': 'k' } }));
    expect(await dapr.getSecret('secretstore', 'jwt-signing-key')).toEqual({ 'jwt-signing-key': 'k' });
    expect(requests[0]?.url).toBe('/v1.0/secrets/secretstore/jwt-signing-key');
  });

  it('when a binding is invoked, then operation, data and metadata are posted and the answer returned', async () => {
    const { dapr, requests } = await sidecar(() => ({ status: 200, body: { status: 'approved' } }));
    const answer = await dapr.invokeBinding('payment-provider', 'post', { token: 'tok_visa' }, { path: '/charges' });
    expect(answer).toEqual({ status: 'approved' });
    expect(JSON.parse(requests[0]?.body ?? '')).toEqual({ operation: 'post', data: { token: 'tok_visa' }, metadata: { path: '/charges' } });
  });

  it('when a binding fails, then it is 503 UNAVAILABLE with what the target said', async () => {
    const { dapr } = await sidecar(() => ({ status: 500, body: { errorCode: 'ERR_INVOKE_OUTPUT_BINDING', message: 'received status code 402' } }));
    const err = await rejection(dapr.invokeBinding('payment-provider', 'post', {}));
    expect(err.details).toMatchObject({ binding: 'payment-provider', reason: 'received status code 402' });
  });

  it('when the sidecar is healthy, then healthz resolves; when not, it rejects', async () => {
    let healthy = false;
    const { dapr, requests } = await sidecar(() => ({ status: healthy ? 204 : 500 }));
    await expect(dapr.healthz()).rejects.toBeInstanceOf(AppError);
    healthy = true;
    await expect(dapr.healthz()).resolves.toBeUndefined();
    expect(requests[0]?.url).toBe('/v1.0/healthz/outbound');
  });

  it('when the sidecar comes up late, then waitForSidecar waits for it, and gives up after its timeout', async () => {
    let calls = 0;
    const { dapr } = await sidecar(() => ({ status: ++calls >= 3 ? 204 : 503 }));
    await expect(dapr.waitForSidecar(2_000, 10)).resolves.toBeUndefined();
    const never = await sidecar(() => ({ status: 503 }));
    await expect(never.dapr.waitForSidecar(60, 10)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('when built from config, then it uses the configured host, port, token and pub/sub', () => {
    const dapr = DaprSidecar.fromConfig({ DAPR_HOST: 'localhost', DAPR_HTTP_PORT: 3504, DAPR_API_TOKEN: undefined, PUBSUB_NAME: 'kafka' });
    expect(dapr.pubsubName).toBe('kafka');
  });
});
