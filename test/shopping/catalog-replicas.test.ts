// Two catalog replicas (one app id) share the Redis cache: a change made through either is served by both within 1 s.
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../dev/stack/service-process.js';
import { callApp, metricValue, publish, testStack } from '../support/test-stack.js';
import { startShop, type Shop } from './support/shop.js';

let shop: Shop;
let replicas: RunningService[];
let admin: string;
beforeAll(async () => {
  shop = await startShop(['users', 'catalog', 'catalog']);
  replicas = shop.services.slice(1);
  admin = await shop.api.adminToken();
});
afterAll(async () => shop?.stop());

const nameOn = async (replica: RunningService, id: string) => ((await callApp(replica, 'GET', `products/${id}`)).body as { name: string }).name;

/** Polls both replicas directly until each serves the name; returns how long that took after `since`. */
async function servedEverywhere(id: string, name: string, since: number, timeoutMs: number): Promise<number> {
  while (Date.now() - since < timeoutMs) {
    const names = await Promise.all(replicas.map((r) => nameOn(r, id)));
    if (names.every((n) => n === name)) return Date.now() - since;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`not every replica served ${name} within ${timeoutMs} ms`);
}

async function cachedProduct(): Promise<string> {
  const sku = `R-${crypto.randomUUID().slice(0, 8)}`;
  const created = await shop.api.call('POST', '/api/v1/products', { token: admin, body: { sku, name: 'Original', description: 'replica test', category: 'test-replicas', price: { amount: 500, currency: 'USD' } } });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  for (const replica of replicas) for (let i = 0; i < 2; i++) expect(await nameOn(replica, id)).toBe('Original');
  return id;
}

describe('catalog replicas', () => {
  it('when both replicas serve a product, then they answer from the shared cache', async () => {
    const before = await Promise.all(replicas.map((r) => metricValue(r, 'catalog_cache_hits_total', { freshness: 'fresh' })));
    await cachedProduct();
    const after = await Promise.all(replicas.map((r) => metricValue(r, 'catalog_cache_hits_total', { freshness: 'fresh' })));
    expect(after[0]! + after[1]! - before[0]! - before[1]!).toBeGreaterThanOrEqual(3);
  });

  it('when a cached product is changed through the gateway, then both replicas serve the change within 1 s', async () => {
    const id = await cachedProduct();
    const res = await shop.api.call('PATCH', `/api/v1/products/${id}`, { token: admin, body: { name: 'Changed' } });
    expect(res.status).toBe(200);
    expect(await servedEverywhere(id, 'Changed', Date.now(), 1_000)).toBeLessThan(1_000);
  });

  it('when a cached product is changed through each replica in turn, then both serve each change within 1 s', async () => {
    const id = await cachedProduct();
    for (const [i, replica] of replicas.entries()) {
      const name = `Changed by replica ${i}`;
      const res = await callApp(replica, 'PATCH', `products/${id}`, { name }, { 'x-user-id': 'usr-admin', 'x-user-roles': 'admin' });
      expect(res.status).toBe(200);
      expect(await servedEverywhere(id, name, Date.now(), 1_000)).toBeLessThan(1_000);
    }
  });

  it('when only catalog.product-changed reports a change, then the event alone drops the cached copies', async () => {
    const id = await cachedProduct();
    // As if a replica wrote the change but died before its own invalidation: only the event is left to do it.
    const connection = await mongoose.createConnection(testStack().mongoUri, { dbName: 'catalog', retryWrites: false }).asPromise();
    try {
      await connection.collection('products').updateOne({ _id: id as never }, { $set: { name: 'Changed behind the cache' } });
    } finally {
      await connection.close();
    }
    expect(await nameOn(replicas[0]!, id)).toBe('Original');
    await publish('catalog.product-changed', { schemaVersion: 1, productId: id, change: 'updated', at: new Date().toISOString() });
    expect(await servedEverywhere(id, 'Changed behind the cache', Date.now(), 10_000)).toBeLessThan(10_000);
  });
});
