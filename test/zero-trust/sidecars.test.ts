// What the sidecars enforce on `npm start` and in these tests, as in the cluster (test/cluster/zero-trust.test.ts):
// identities from the stack's sentry over mTLS, each app's access control, pub/sub and secret scopes, all generated
// from the service catalog. The callers here are sidecars alone, as any local process holding an app id would be.
import fs from 'node:fs';
import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../dev/stack/ports.js';
import type { RunningService } from '../../dev/stack/service-process.js';
import { startSidecar, type Sidecar } from '../../dev/stack/sidecar.js';
import { startServices } from '../support/start-services.js';
import { eventually, publish, testStack } from '../support/test-stack.js';

let catalog: RunningService;
const sidecars = new Map<string, Sidecar>();

async function sidecarOf(appId: string): Promise<Sidecar> {
  const s = testStack();
  const sidecar = await startSidecar({ daprd: s.daprd, appId, resourcesDir: s.resourcesDir, configFile: s.configFileFor(appId), sentry: s.sentry, logDir: s.logDir });
  sidecars.set(appId, sidecar);
  return sidecar;
}

async function call(appId: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: string }> {
  const res = await fetch(`http://127.0.0.1:${sidecars.get(appId)!.httpPort}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.text() };
}

beforeAll(async () => {
  catalog = (await startServices([{ name: 'catalog' }]))[0]!;
  await Promise.all(['cart', 'payments', 'users', 'gateway'].map(sidecarOf));
});

afterAll(async () => {
  await Promise.all([...sidecars.values()].map((s) => s.stop()));
  await catalog.stop();
});

describe('zero trust between self-hosted sidecars', () => {
  it('when cart looks a product up in catalog, an operation the catalog allows it, then the sidecars let it through over mTLS', async () => {
    const res = await call('cart', 'GET', '/v1.0/invoke/catalog/method/products/no-such-product');
    expect(res.status, res.body).toBe(404);
    expect(res.body).toMatch(/NOT_FOUND/);
  });

  it('when cart asks catalog for anything else, an operation it does not need, then catalog\'s sidecar answers 403', async () => {
    for (const [method, path] of [['GET', 'health'], ['POST', 'products'], ['PATCH', 'products/p-1']] as const) {
      const res = await call('cart', method, `/v1.0/invoke/catalog/method/${path}`, method === 'GET' ? undefined : { name: 'x' });
      expect(res.status, `${method} ${path}: ${res.body}`).toBe(403);
    }
  });

  it('when payments invokes catalog, which the service catalog does not allow, then catalog\'s sidecar answers 403 naming the caller\'s identity', async () => {
    const res = await call('payments', 'GET', '/v1.0/invoke/catalog/method/health');
    expect(res.status, res.body).toBe(403);
    expect(res.body).toContain('spiffe://public/ns/commercex/payments');
  });

  it('when cart publishes payments.succeeded, outside its publishing scope, then its sidecar refuses', async () => {
    const res = await call('cart', 'POST', '/v1.0/publish/pubsub/payments.succeeded', { orderId: 'forged', amount: { amount: 1, currency: 'USD' } });
    expect(res.status, res.body).toBe(403);
    expect(res.body).toMatch(/ERR_PUBSUB_FORBIDDEN/);
  });

  it('when users reads the administrator secret, which it needs, then it gets it', async () => {
    const res = await call('users', 'GET', '/v1.0/secrets/secretstore/admin');
    expect(res.status, res.body).toBe(200);
  });

  it('when gateway reads the administrator secret, outside its secret scope, then its sidecar refuses', async () => {
    const res = await call('gateway', 'GET', '/v1.0/secrets/secretstore/admin');
    expect(res.status, res.body).toBe(403);
    expect(res.body).toMatch(/ERR_PERMISSION_DENIED/);
  });

  it('when cart reads the signing key from a store it is not scoped to, then there is no such store for it', async () => {
    const res = await call('cart', 'GET', '/v1.0/secrets/secretstore/jwt-signing-key');
    expect(res.status, res.body).not.toBe(200);
    expect(res.body).toMatch(/ERR_SECRET_STORE(S)?_NOT_(FOUND|CONFIGURED)/);
  });

  it('when someone calls an app\'s port directly without the token only its sidecar holds, then the app refuses', async () => {
    const res = await fetch(`${catalog.url}/products`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
  });

  it('when an app listens, then it listens on loopback only, where its sidecar reaches it and nothing off the machine does', () => {
    const port = catalog.appPort.toString(16).toUpperCase().padStart(4, '0');
    // /proc/net/tcp: local address as hex IP:port; state 0A is LISTEN; 0100007F is 127.0.0.1.
    const listening = fs.readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1).map((l) => l.trim().split(/\s+/))
      .filter((f) => f[1]?.endsWith(`:${port}`) && f[3] === '0A').map((f) => f[1]);
    expect(listening).toEqual([`0100007F:${port}`]);
    expect(fs.readFileSync('/proc/net/tcp6', 'utf8')).not.toMatch(new RegExp(`:${port} [0-9A-F:]+ 0A`));
  });

  it('when an app asks to subscribe to a topic outside its subscription scope, then it receives nothing of it, while its own topic arrives', async () => {
    const received: { topic: string; id: string }[] = [];
    const app = express();
    app.use(express.json({ type: ['application/json', 'application/*+json'] }));
    // cart may subscribe to orders.created only; it asks for payments.succeeded too.
    app.get('/dapr/subscribe', (_req, res) => {
      res.json(['orders.created', 'payments.succeeded'].map((topic) => ({ pubsubname: 'pubsub', topic, route: `/received/${topic}` })));
    });
    app.post('/received/:topic', (req, res) => {
      received.push({ topic: req.params.topic, id: String(req.body.id) });
      res.json({ status: 'SUCCESS' });
    });
    const port = await freePort();
    const server: Server = await new Promise((resolve) => {
      const started = app.listen(port, '127.0.0.1', () => resolve(started));
    });
    const s = testStack();
    const listener = await startSidecar({ daprd: s.daprd, appId: 'cart', appPort: port, resourcesDir: s.resourcesDir, configFile: s.configFileFor('cart'), sentry: s.sentry, logDir: s.logDir });
    try {
      const tag = crypto.randomUUID();
      await publish('payments.succeeded', { orderId: `zt-${tag}` }, `paid-${tag}`);
      await publish('orders.created', { orderId: `zt-${tag}` }, `created-${tag}`);
      await eventually('orders.created to reach cart', async () => (received.some((r) => r.id === `created-${tag}`) ? true : undefined), 30_000);
      await new Promise((r) => setTimeout(r, 2_000));
      expect(received.filter((r) => r.topic === 'payments.succeeded')).toEqual([]);
    } finally {
      await listener.stop();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
