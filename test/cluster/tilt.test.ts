// Tilt on the local cluster, as a developer runs it: `npm run cluster -- tilt ci` builds every service's `dev` stage
// with buildah, deploys dist/ with the Dapr chart from the module cache, and the shop sells. Afterwards `tilt down` and
// `npm run cluster` put the helm release back. The sequencer runs this file last: it replaces what the others test.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterPaths, clusterSettings } from '../../dev/cluster/settings.js';
import { SHOP_NAMESPACE, adminCredentials } from '../../dev/cluster/shop.js';
import { repoRoot } from '../../dev/stack/settings.js';
import { Api } from '../support/api-client.js';
import { eventually } from '../support/test-stack.js';
import { clusterUnderTest, type ClusterUnderTest } from './support/cluster.js';

const p = clusterPaths(clusterSettings());
let shop: ClusterUnderTest;
let api: Api;

/** `npm run cluster -- <args>`, its output kept in .cluster/logs; the tail is in the error when it fails. */
function cluster(args: string[], logName: string, timeoutMs: number): void {
  const log = path.join(p.logs, logName);
  const result = spawnSync('npx', ['tsx', 'dev/cluster/main.ts', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 });
  fs.writeFileSync(log, `${result.stdout}${result.stderr}`);
  if (result.status !== 0) {
    const tail = `${result.stdout}${result.stderr}`.split('\n').slice(-40).join('\n');
    throw new Error(`npm run cluster -- ${args.join(' ')} exited ${result.status ?? result.signal}; whole output in ${log}:\n${tail}`);
  }
}

beforeAll(async () => {
  shop = clusterUnderTest();
  cluster(['tilt', 'ci'], 'tilt-ci.log', 30 * 60_000);
  const { stdout } = await shop.kubectl(['get', 'service', 'gateway', '-n', SHOP_NAMESPACE, '-o', 'jsonpath={.spec.clusterIP}:{.spec.ports[0].port}']);
  api = new Api(`http://${stdout.trim()}`);
}, 31 * 60_000);

afterAll(() => {
  cluster(['tilt', 'down'], 'tilt-down.log', 10 * 60_000);
  cluster(['up'], 'cluster-up-after-tilt.log', 15 * 60_000);
}, 26 * 60_000);

describe('tilt ci on the local cluster', () => {
  it('when tilt ci passes, then every service runs its buildah-built dev stage from the registry beside an injected daprd, and no helm release is left', async () => {
    const { stdout } = await shop.kubectl(['get', 'pods', '-n', SHOP_NAMESPACE, '-l', 'app.kubernetes.io/component=service', '-o', 'json']);
    const pods = (JSON.parse(stdout) as { items: { metadata: { labels: Record<string, string> }; spec: { containers: { name: string; image: string }[] } }[] }).items;
    const byService = new Map(pods.map((pod) => [pod.metadata.labels['app.kubernetes.io/name']!, pod.spec.containers]));
    expect([...byService.keys()].sort()).toEqual(['cart', 'catalog', 'gateway', 'inventory', 'notifications', 'orders', 'payments', 'users']);
    for (const [name, containers] of byService) {
      expect(containers.find((c) => c.name === 'app')?.image).toMatch(new RegExp(`^127\\.0\\.0\\.1:\\d+/commercex/${name}-dev:[0-9a-f]+$`));
      expect(containers.map((c) => c.name)).toContain('daprd');
    }
    const releases = await shop.kubectl(['get', 'secrets', '-n', SHOP_NAMESPACE, '-l', 'owner=helm', '-o', 'name']);
    expect(releases.stdout.trim()).toBe('');
  });

  it('when a shopper buys through the gateway Tilt deployed, then the order is CONFIRMED', async () => {
    const { email, password } = await adminCredentials(shop.kubectl);
    const login = await api.call('POST', '/api/v1/auth/login', { body: { email, password } });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    const admin = login.body.accessToken as string;
    const created = await api.call('POST', '/api/v1/products', {
      token: admin,
      body: { sku: `tilt-${crypto.randomUUID().slice(0, 8)}`, name: 'Tilt mug', description: 'Sold from a dev stage', category: 'kitchen', price: { amount: 900, currency: 'USD' } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const stocked = await api.call('PUT', `/api/v1/inventory/${created.body.id}`, { token: admin, body: { available: 3 } });
    expect(stocked.status, JSON.stringify(stocked.body)).toBe(200);
    const customer = await api.newCustomer();
    const cart = await api.call('PUT', `/api/v1/cart/items/${created.body.id}`, { token: customer.token, body: { quantity: 1 } });
    expect(cart.status, JSON.stringify(cart.body)).toBe(200);
    const placed = await api.call('POST', '/api/v1/orders', { token: customer.token, headers: { 'idempotency-key': crypto.randomUUID() }, body: { payment: { token: 'tok_visa' } } });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    const settled = await eventually(`order ${placed.body.id} to leave PENDING_PAYMENT`, async () => {
      const res = await api.call('GET', `/api/v1/orders/${placed.body.id}`, { token: customer.token });
      return res.status === 200 && res.body.status !== 'PENDING_PAYMENT' ? res.body : undefined;
    }, 60_000);
    expect(settled).toMatchObject({ status: 'CONFIRMED' });
  });
});
