import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHttpApp, currentRequestId, metricsRegistry, parseInput, validate, type HttpAppOptions } from '../src/index.js';
import { captureLogger, freshRegistry, serve } from './helpers.js';

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (stops.length) await stops.pop()?.();
});

const orderBody = z.object({ productId: z.string().min(1), quantity: z.number().int().min(1) });

function routes() {
  const router = express.Router();
  router.post('/orders', validate({ body: orderBody }), (req, res) => {
    res.status(201).json({ ...req.body, requestId: currentRequestId() });
  });
  router.get('/orders/:id', validate({ params: z.object({ id: z.string().regex(/^o-\d+$/) }), query: z.object({ verbose: z.coerce.boolean().default(false) }) }), (req, res) => {
    res.json({ id: req.params.id, verbose: req.query.verbose });
  });
  router.get('/typed', (req, res) => {
    const query = parseInput(z.object({ limit: z.coerce.number().int().max(100) }), req.query, 'query');
    res.json(query);
  });
  return router;
}

async function start(overrides: Partial<HttpAppOptions> = {}) {
  const { logger, lines } = captureLogger();
  const registry = freshRegistry();
  const app = createHttpApp({ service: 'orders', version: '1.2.3', logger, routes: [routes()], registry, bodyLimit: '1kb', ...overrides });
  const running = await serve(app, logger);
  stops.push(running.stop);
  return { url: running.url, lines, registry };
}

describe('createHttpApp', () => {
  it('when /health is asked, then it answers ok with service, version and uptime', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', service: 'orders', version: '1.2.3', uptime: expect.any(Number) });
  });

  it('when every readiness check passes, then /ready is 200', async () => {
    const { url } = await start({ readiness: { dapr: async () => undefined, mongo: async () => undefined } });
    const response = await fetch(`${url}/ready`);
    expect([response.status, await response.json()]).toEqual([200, { status: 'ok' }]);
  });

  it('when checks fail or hang, then /ready is 503 naming them', async () => {
    const { url, lines } = await start({
      readinessTimeoutMs: 50,
      readiness: {
        dapr: async () => undefined,
        mongo: async () => Promise.reject(new Error('connection refused')),
        redis: () => new Promise<void>(() => undefined),
      },
    });
    const response = await fetch(`${url}/ready`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', failed: ['mongo', 'redis'] });
    expect(lines().filter((l) => l.msg === 'readiness check failed').map((l) => l.check)).toEqual(['mongo', 'redis']);
  });

  it('when a request carries x-request-id, then the response echoes it; otherwise one is generated', async () => {
    const { url } = await start();
    const echoed = await fetch(`${url}/health`, { headers: { 'x-request-id': 'req-42' } });
    expect(echoed.headers.get('x-request-id')).toBe('req-42');
    const generated = await fetch(`${url}/health`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('when a handler runs after body parsing, then the request id is in its context and in the request log', async () => {
    const { url, lines } = await start();
    const response = await fetch(`${url}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-7' },
      body: JSON.stringify({ productId: 'p-1', quantity: 2 }),
    });
    expect(await response.json()).toEqual({ productId: 'p-1', quantity: 2, requestId: 'req-7' });
    const completed = lines().find((l) => l.msg === 'request completed');
    expect(completed).toMatchObject({ requestId: 'req-7', req: { method: 'POST', url: '/orders' }, res: { statusCode: 201 } });
  });

  it('when the body is not JSON, then 400 MALFORMED_JSON', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"productId":' });
    expect([response.status, await response.json()]).toEqual([400, { error: { code: 'MALFORMED_JSON', message: expect.any(String) } }]);
  });

  it('when the body is over the limit, then 413 PAYLOAD_TOO_LARGE', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ productId: 'x'.repeat(2_000), quantity: 1 }),
    });
    expect([response.status, ((await response.json()) as { error: { code: string } }).error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('when the charset is unsupported, then it is a 4xx, never a 500', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/orders`, { method: 'POST', headers: { 'content-type': 'application/json; charset=klingon' }, body: '{}' });
    expect(response.status).toBe(415);
  });

  it('when body, params or query are invalid, then 400 VALIDATION_FAILED lists every issue with where it was', async () => {
    const { url } = await start();
    const bad = await fetch(`${url}/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ quantity: 0 }) });
    const body = (await bad.json()) as { error: { code: string; details: Array<{ path: string; in: string }> } };
    expect(bad.status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.map((d) => `${d.in}:${d.path}`).sort()).toEqual(['body:productId', 'body:quantity']);
    const badParams = await fetch(`${url}/orders/nope`);
    expect(badParams.status).toBe(400);
    const typed = await fetch(`${url}/typed?limit=500`);
    expect(((await typed.json()) as { error: { details: Array<{ in: string }> } }).error.details[0]?.in).toBe('query');
  });

  it('when params and query are valid, then the handler sees the parsed values', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/orders/o-1?verbose=1`);
    expect(await response.json()).toEqual({ id: 'o-1', verbose: true });
  });

  it('when no route matches, then 404 NOT_FOUND as JSON', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/nothing-here`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  it('when requests were served, then /metrics counts them by method, route pattern and status', async () => {
    const { url } = await start();
    await fetch(`${url}/orders/o-1`);
    await fetch(`${url}/orders/o-2`);
    await fetch(`${url}/nothing-here`);
    const text = await (await fetch(`${url}/metrics`)).text();
    expect(text).toContain('http_requests_total{method="GET",route="/orders/:id",status="200"} 2');
    expect(text).toContain('http_requests_total{method="GET",route="<unmatched>",status="404"} 1');
    expect(text).toContain('http_request_duration_seconds_bucket');
  });

  it('when no registry is given, then the shared one also has the default process metrics', async () => {
    expect(await metricsRegistry.metrics()).toContain('process_cpu_user_seconds_total');
  });
});

describe('app-token check', () => {
  it('when APP_API_TOKEN is set, then routes need dapr-api-token but probes and metrics do not', async () => {
    const { url } = await start({ appApiToken: 'sidecar-secret' });
    expect((await fetch(`${url}/orders/o-1`)).status).toBe(401);
    const wrong = await fetch(`${url}/orders/o-1`, { headers: { 'dapr-api-token': 'guess' } });
    expect([wrong.status, ((await wrong.json()) as { error: { code: string } }).error.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect((await fetch(`${url}/orders/o-1`, { headers: { 'dapr-api-token': 'sidecar-secret' } })).status).toBe(200);
    for (const path of ['/health', '/ready', '/metrics']) expect((await fetch(`${url}${path}`)).status).toBe(200);
  });

  it('when APP_API_TOKEN is not set, then routes are open', async () => {
    const { url } = await start({ appApiToken: undefined });
    expect((await fetch(`${url}/orders/o-1`)).status).toBe(200);
  });
});
