// A sale on the local cluster, through the gateway Service: what a shopper and the administrator do on `npm start`
// works the same on Kubernetes, with every service beside its injected sidecar.
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/test-stack.js';
import { clusterUnderTest, type ClusterUnderTest } from './support/cluster.js';

let shop: ClusterUnderTest;
let adminToken: string;
let productId: string;

async function settled(token: string, orderId: string): Promise<{ status: string; cancellationReason?: string }> {
  return eventually(`order ${orderId} to leave PENDING_PAYMENT`, async () => {
    const res = await shop.api.call('GET', `/api/v1/orders/${orderId}`, { token });
    return res.status === 200 && res.body.status !== 'PENDING_PAYMENT' ? res.body : undefined;
  }, 60_000);
}

beforeAll(async () => {
  shop = clusterUnderTest();
  adminToken = await shop.adminToken();
  const sku = `cluster-${crypto.randomUUID().slice(0, 8)}`;
  const created = await shop.api.call('POST', '/api/v1/products', {
    token: adminToken,
    body: { sku, name: 'Cluster mug', description: 'Sold on Kubernetes', category: 'kitchen', price: { amount: 1250, currency: 'USD' } },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  productId = created.body.id;
  const stocked = await shop.api.call('PUT', `/api/v1/inventory/${productId}`, { token: adminToken, body: { available: 10 } });
  expect(stocked.status, JSON.stringify(stocked.body)).toBe(200);
});

describe('a sale on the local cluster', () => {
  it('when every pod is listed, then each shop service runs its app beside a daprd the injector added', async () => {
    const { stdout } = await shop.kubectl(['get', 'pods', '-n', 'commercex', '-l', 'app.kubernetes.io/component=service', '-o', 'json']);
    const pods = (JSON.parse(stdout) as { items: { metadata: { labels: Record<string, string> }; spec: { containers: { name: string }[] } }[] }).items;
    const services = new Set(pods.map((pod) => pod.metadata.labels['app.kubernetes.io/name']));
    expect([...services].sort()).toEqual(['cart', 'catalog', 'gateway', 'inventory', 'notifications', 'orders', 'payments', 'users']);
    for (const pod of pods) expect(pod.spec.containers.map((c) => c.name)).toContain('daprd');
  });

  it('when a shopper registers, fills a cart and pays with tok_visa, then the order is CONFIRMED and the shopper is told', async () => {
    const customer = await shop.api.newCustomer();
    const cart = await shop.api.call('PUT', `/api/v1/cart/items/${productId}`, { token: customer.token, body: { quantity: 2 } });
    expect(cart.status, JSON.stringify(cart.body)).toBe(200);
    expect(cart.body.items).toMatchObject([{ productId, quantity: 2 }]);
    const placed = await shop.api.call('POST', '/api/v1/orders', { token: customer.token, headers: { 'idempotency-key': crypto.randomUUID() }, body: { payment: { token: 'tok_visa' } } });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    expect(await settled(customer.token, placed.body.id)).toMatchObject({ status: 'CONFIRMED' });
    const told = await eventually('the confirmation notification', async () => {
      const res = await shop.api.call('GET', '/api/v1/notifications', { token: customer.token });
      return (res.body.items as { orderId?: string; type: string }[]).find((n) => n.orderId === placed.body.id && /confirm/i.test(n.type));
    });
    expect(told).toBeDefined();
    const emptied = await eventually('the cart to be emptied', async () => {
      const res = await shop.api.call('GET', '/api/v1/cart', { token: customer.token });
      return res.body.items.length === 0 ? res.body : undefined;
    });
    expect(emptied.items).toEqual([]);
  });

  it('when a shopper pays with tok_decline, then the order is CANCELLED as PAYMENT_DECLINED and its stock comes back', async () => {
    const customer = await shop.api.newCustomer();
    const before = await shop.api.call('GET', `/api/v1/inventory/${productId}`);
    const placed = await shop.api.call('POST', '/api/v1/orders', {
      token: customer.token, headers: { 'idempotency-key': crypto.randomUUID() }, body: { items: [{ productId, quantity: 1 }], payment: { token: 'tok_decline' } },
    });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    expect(await settled(customer.token, placed.body.id)).toMatchObject({ status: 'CANCELLED', cancellationReason: 'PAYMENT_DECLINED' });
    const after = await eventually('the reservation to be released', async () => {
      const res = await shop.api.call('GET', `/api/v1/inventory/${productId}`);
      return res.body.reserved === before.body.reserved ? res.body : undefined;
    });
    expect(after.available).toBe(before.body.available);
  });

  it('when the administrator logs in with the generated secret, then the account has the admin role', async () => {
    const me = await shop.api.call('GET', '/api/v1/me', { token: adminToken });
    expect(me.status).toBe(200);
    expect(me.body.roles).toContain('admin');
  });
});
