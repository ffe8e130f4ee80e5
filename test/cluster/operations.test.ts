// Operating the shop on the cluster: a rolling restart of orders while customers keep ordering, and autoscalers
// that read what metrics-server measures.
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/test-stack.js';
import { clusterUnderTest, type ClusterUnderTest } from './support/cluster.js';

let shop: ClusterUnderTest;
let productId: string;

beforeAll(async () => {
  shop = clusterUnderTest();
  const admin = await shop.adminToken();
  const created = await shop.api.call('POST', '/api/v1/products', {
    token: admin,
    body: { sku: `rollout-${crypto.randomUUID().slice(0, 8)}`, name: 'Rollout tea', description: 'Ordered during a restart', category: 'kitchen', price: { amount: 400, currency: 'USD' } },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  productId = created.body.id;
  expect((await shop.api.call('PUT', `/api/v1/inventory/${productId}`, { token: admin, body: { available: 1000 } })).status).toBe(200);
});

describe('operating the shop on the cluster', () => {
  it('when orders is restarted by a rollout while customers order, then every order is accepted and confirmed, and no answer is a 5xx', async () => {
    const customer = await shop.api.newCustomer();
    const answers: { status: number; id?: string }[] = [];
    let ordering = true;
    const orderLoop = (async () => {
      while (ordering) {
        const res = await shop.api.call('POST', '/api/v1/orders', {
          token: customer.token, headers: { 'idempotency-key': crypto.randomUUID() }, body: { items: [{ productId, quantity: 1 }], payment: { token: 'tok_visa' } },
        }).catch((err: Error) => ({ status: 0, body: { message: err.message } }));
        answers.push({ status: res.status, id: res.body?.id });
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    await new Promise((r) => setTimeout(r, 2_000));
    await shop.kubectl(['rollout', 'restart', 'deployment/orders', '-n', 'commercex']);
    await shop.kubectl(['rollout', 'status', 'deployment/orders', '-n', 'commercex', '--timeout=240s']);
    await new Promise((r) => setTimeout(r, 2_000));
    ordering = false;
    await orderLoop;

    expect(answers.length).toBeGreaterThan(10);
    expect(answers.filter((a) => a.status !== 201), JSON.stringify(answers.filter((a) => a.status !== 201))).toEqual([]);
    for (const { id } of answers) {
      const order = await eventually(`order ${id} to settle`, async () => {
        const res = await shop.api.call('GET', `/api/v1/orders/${id}`, { token: customer.token });
        return res.status === 200 && res.body.status !== 'PENDING_PAYMENT' ? res.body : undefined;
      }, 90_000);
      expect(order.status).toBe('CONFIRMED');
    }
  });

  it('when the autoscalers look at the services, then each reads current CPU and memory use from metrics-server', async () => {
    const readings = await eventually('every HorizontalPodAutoscaler to read its metrics', async () => {
      const { stdout } = await shop.kubectl(['get', 'hpa', '-n', 'commercex', '-o', 'json']);
      const hpas = (JSON.parse(stdout) as { items: { metadata: { name: string }; status: { currentMetrics?: { containerResource?: { name: string; current: { averageUtilization?: number } } }[] } }[] }).items;
      const read = hpas.map((h) => ({ name: h.metadata.name, metrics: (h.status.currentMetrics ?? []).map((m) => m.containerResource?.name).sort() }));
      return read.length === 8 && read.every((r) => r.metrics.join() === 'cpu,memory') ? read : undefined;
    }, 120_000);
    expect(readings.map((r) => r.name).sort()).toEqual(['cart', 'catalog', 'gateway', 'inventory', 'notifications', 'orders', 'payments', 'users']);
  });
});
