// Products through the gateway: public reads, search, paging, administrators' changes, and their refusals.
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { product as productSchema, productPage } from '../../services/gateway/src/api/catalog-schemas.js';
import { eventually, testStack } from '../support/test-stack.js';
import { expectedError, startShop, type Shop } from './support/shop.js';

let shop: Shop;
let admin: string;
let customer: string;
beforeAll(async () => {
  shop = await startShop(['users', 'catalog']);
  admin = await shop.api.adminToken();
  customer = (await shop.api.newCustomer()).token;
});
afterAll(async () => shop?.stop());

const newProduct = (over: Record<string, unknown> = {}) => ({
  sku: `T-${crypto.randomUUID().slice(0, 8)}`, name: 'Test Teapot', description: 'A teapot made for tests', category: 'test-kitchen', price: { amount: 3100, currency: 'USD' }, ...over,
});

describe('reading the catalog', () => {
  it('when products are listed, then the seeded page of 20 comes with its total, as documented', async () => {
    const res = await shop.api.call('GET', '/api/v1/products');
    expect(res.status).toBe(200);
    expect(productPage.parse(res.body)).toMatchObject({ page: 1, limit: 20 });
    expect(res.body.items).toHaveLength(20);
    expect(res.body.total).toBeGreaterThanOrEqual(24);
  });

  it('when the second page of 10 is asked, then it continues where the first ended', async () => {
    const first = await shop.api.call('GET', '/api/v1/products?limit=10&page=1');
    const second = await shop.api.call('GET', '/api/v1/products?limit=10&page=2');
    expect(second.body).toMatchObject({ page: 2, limit: 10 });
    const ids = [...first.body.items, ...second.body.items].map((p: { id: string }) => p.id);
    expect(new Set(ids).size).toBe(20);
  });

  it('when 100 products are asked, then up to 100 come, and 101 is 400 VALIDATION_FAILED', async () => {
    expect((await shop.api.call('GET', '/api/v1/products?limit=100')).body.limit).toBe(100);
    const res = await shop.api.call('GET', '/api/v1/products?limit=101');
    expect(res.status).toBe(400);
    expect(res.body).toEqual(expectedError('VALIDATION_FAILED'));
  });

  it('when q is a word in any case, then products whose name or description holds it are found', async () => {
    const res = await shop.api.call('GET', '/api/v1/products?q=MUG');
    expect(res.body.items.map((p: { id: string }) => p.id)).toContain('prod-001');
    const byDescription = await shop.api.call('GET', '/api/v1/products?q=walnut%20handle');
    expect(byDescription.body.items.map((p: { id: string }) => p.id)).toEqual(['prod-002']);
  });

  it('when q holds regex characters, then they match literally and nothing breaks', async () => {
    for (const q of ['.*', '(', '[a-z]+', '\\', '$where']) {
      const res = await shop.api.call('GET', `/api/v1/products?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
      expect(res.body.total, q).toBe(0);
    }
  });

  it('when a category is given, then only its products come', async () => {
    const res = await shop.api.call('GET', '/api/v1/products?category=books&limit=100');
    expect(res.body.total).toBeGreaterThanOrEqual(4);
    expect(new Set(res.body.items.map((p: { category: string }) => p.category))).toEqual(new Set(['books']));
  });

  it('when one product is read, then 200 gives it, and an unknown id is 404 NOT_FOUND', async () => {
    const res = await shop.api.call('GET', '/api/v1/products/prod-005');
    expect(res.status).toBe(200);
    expect(productSchema.parse(res.body)).toMatchObject({ id: 'prod-005', sku: 'BOK-NOV-05', category: 'books' });
    const missing = await shop.api.call('GET', '/api/v1/products/prod-nope');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual(expectedError('NOT_FOUND'));
  });
});

describe('changing the catalog', () => {
  it('when an administrator adds a product, then 201 gives it and it can be read and found', async () => {
    const body = newProduct({ name: `Teapot ${crypto.randomUUID()}` });
    const res = await shop.api.call('POST', '/api/v1/products', { token: admin, body });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), ...body });
    expect((await shop.api.call('GET', `/api/v1/products/${res.body.id}`)).body).toEqual(res.body);
    expect((await shop.api.call('GET', `/api/v1/products?q=${encodeURIComponent(body.name)}`)).body.items).toEqual([res.body]);
  });

  it('when an administrator changes a product, then 200 gives it changed and the next read shows the change', async () => {
    const created = (await shop.api.call('POST', '/api/v1/products', { token: admin, body: newProduct() })).body;
    await shop.api.call('GET', `/api/v1/products/${created.id}`);
    const res = await shop.api.call('PATCH', `/api/v1/products/${created.id}`, { token: admin, body: { price: { amount: 2900, currency: 'USD' }, name: 'Cheaper Teapot' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...created, name: 'Cheaper Teapot', price: { amount: 2900, currency: 'USD' } });
    expect((await shop.api.call('GET', `/api/v1/products/${created.id}`)).body).toEqual(res.body);
  });

  it('when a product is added and changed, then each catalog.product-changed event leaves its outbox for Kafka', async () => {
    const created = (await shop.api.call('POST', '/api/v1/products', { token: admin, body: newProduct() })).body;
    await shop.api.call('PATCH', `/api/v1/products/${created.id}`, { token: admin, body: { description: 'changed' } });
    const connection = await mongoose.createConnection(testStack().mongoUri, { dbName: 'catalog', retryWrites: false }).asPromise();
    try {
      // The relay removes an event from the product's document only after the sidecar accepted it.
      await eventually('the outbox to be published', async () => {
        const doc = await connection.collection('products').findOne({ _id: created.id });
        return doc && (doc.outbox as unknown[]).length === 0 ? true : undefined;
      });
    } finally {
      await connection.close();
    }
  });

  it('when a SKU is already taken, then adding or changing to it is 409 CONFLICT', async () => {
    const a = (await shop.api.call('POST', '/api/v1/products', { token: admin, body: newProduct() })).body;
    const dup = await shop.api.call('POST', '/api/v1/products', { token: admin, body: newProduct({ sku: a.sku }) });
    expect(dup.status).toBe(409);
    expect((await shop.api.call('PATCH', '/api/v1/products/prod-024', { token: admin, body: { sku: a.sku } })).status).toBe(409);
  });

  it('when an unknown product is changed, then 404 NOT_FOUND', async () => {
    const res = await shop.api.call('PATCH', '/api/v1/products/prod-nope', { token: admin, body: { name: 'x' } });
    expect(res.status).toBe(404);
    expect(res.body).toEqual(expectedError('NOT_FOUND'));
  });

  it('when a customer or nobody tries to change the catalog, then 403 FORBIDDEN or 401 UNAUTHENTICATED', async () => {
    for (const [method, url] of [['POST', '/api/v1/products'], ['PATCH', '/api/v1/products/prod-001']] as const) {
      const asCustomer = await shop.api.call(method, url, { token: customer, body: newProduct() });
      expect(asCustomer.status).toBe(403);
      expect(asCustomer.body).toEqual(expectedError('FORBIDDEN'));
      const anonymous = await shop.api.call(method, url, { body: newProduct() });
      expect(anonymous.status).toBe(401);
      expect(anonymous.body).toEqual(expectedError('UNAUTHENTICATED'));
    }
    expect((await shop.api.call('GET', '/api/v1/products/prod-001')).body.name).toBe('Stoneware Mug');
  });
});
