// What the sidecars enforce on `npm start` and in these tests, as in the cluster (test/cluster/zero-trust.test.ts):
// identities from the stack's sentry over mTLS, each app's access control, pub/sub and secret scopes, all generated
// from the service catalog. The callers here are sidecars alone, as any local process holding an app id would be.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../dev/stack/service-process.js';
import { startSidecar, type Sidecar } from '../../dev/stack/sidecar.js';
import { startServices } from '../support/start-services.js';
import { testStack } from '../support/test-stack.js';

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
  it('when cart invokes catalog, which the catalog allows, then the sidecars let it through over mTLS', async () => {
    expect(await call('cart', 'GET', '/v1.0/invoke/catalog/method/health')).toMatchObject({ status: 200 });
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
});
