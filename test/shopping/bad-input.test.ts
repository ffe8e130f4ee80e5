// Bad input on every route: each gets its documented 4xx, and nothing, however malformed, gets a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../services/gateway/src/api/api-routes.js';
import { expectedError, startShop, type Shop } from './support/shop.js';

let shop: Shop;
let customer: string;
let admin: string;
beforeAll(async () => {
  shop = await startShop(['users', 'catalog', 'cart']);
  customer = (await shop.api.newCustomer()).token;
  admin = await shop.api.adminToken();
});
afterAll(async () => shop?.stop());

// The routes whose services run here; orders, inventory and notifications are others' and not started.
const ours = apiRoutes.filter((r) => ['users', 'catalog', 'cart'].includes(r.upstream.appId));
const urlOf = (path: string, id = 'prod-001') => path.replace(/\{\w+\}/g, id);
const tokenFor = (access: string) => (access === 'admin' ? admin : access === 'user' ? customer : undefined);

describe('bad input', () => {
  it('when a body is not JSON, then every route with a body answers 400 MALFORMED_JSON', async () => {
    for (const route of ours.filter((r) => r.body)) {
      for (const raw of ['{"email": "a@b.c",', 'null', "{'single': 'quotes'}", '{"a":1}}']) {
        const res = await shop.api.call(route.method.toUpperCase(), urlOf(route.path), { raw, token: tokenFor(route.access) });
        expect(res.status, `${route.method} ${route.path} ${raw}`).toBe(400);
        expect(res.body).toEqual(expectedError('MALFORMED_JSON'));
      }
    }
  });

  it('when a body is too large, then 413 PAYLOAD_TOO_LARGE', async () => {
    for (const route of ours.filter((r) => r.body)) {
      const res = await shop.api.call(route.method.toUpperCase(), urlOf(route.path), { body: { name: 'x'.repeat(64 * 1024) }, token: tokenFor(route.access) });
      expect(res.status, `${route.method} ${route.path}`).toBe(413);
      expect(res.body).toEqual(expectedError('PAYLOAD_TOO_LARGE'));
    }
  });

  it('when fields are missing, of the wrong type or unknown, then 400 VALIDATION_FAILED', async () => {
    const cases: Array<[string, string, unknown, string | undefined]> = [
      ['POST', '/api/v1/auth/register', { email: 'a@b.c', password: 'long enough' }, undefined],
      ['POST', '/api/v1/auth/register', { email: 'not-an-email', password: 'long enough', name: 'A' }, undefined],
      ['POST', '/api/v1/auth/register', { email: 'a@b.c', password: 'short', name: 'A' }, undefined],
      ['POST', '/api/v1/auth/register', { email: 'a@b.c', password: 'long enough', name: 'A', roles: ['admin'] }, undefined],
      ['POST', '/api/v1/auth/login', { email: 'a@b.c', password: 12345678 }, undefined],
      ['POST', '/api/v1/auth/login', [], undefined],
      ['POST', '/api/v1/products', { sku: 'X-1', name: 'N', description: '', category: 'c' }, admin],
      ['POST', '/api/v1/products', { sku: 'X-1', name: 'N', description: '', category: 'c', price: { amount: 1.5, currency: 'USD' } }, admin],
      ['POST', '/api/v1/products', { sku: 'X-1', name: 'N', description: '', category: 'c', price: { amount: 100, currency: 'EUR' } }, admin],
      ['PATCH', '/api/v1/products/prod-001', {}, admin],
      ['PATCH', '/api/v1/products/prod-001', { stock: 5 }, admin],
      ['PUT', '/api/v1/cart/items/prod-001', { quantity: 0 }, customer],
      ['PUT', '/api/v1/cart/items/prod-001', { quantity: 101 }, customer],
      ['PUT', '/api/v1/cart/items/prod-001', { quantity: '2' }, customer],
      ['PUT', '/api/v1/cart/items/prod-001', { quantity: 2, price: 1 }, customer],
    ];
    for (const [method, url, body, token] of cases) {
      const res = await shop.api.call(method, url, { body, token });
      expect(res.status, `${method} ${url} ${JSON.stringify(body)}`).toBe(400);
      expect(res.body, `${method} ${url} ${JSON.stringify(body)}`).toEqual(expectedError('VALIDATION_FAILED'));
    }
  });

  it('when query parameters have the wrong type, then 400 VALIDATION_FAILED', async () => {
    for (const query of ['page=abc', 'page=0', 'limit=-1', 'limit=1.5', 'limit=1&limit=2', `q=${'x'.repeat(101)}`, 'q=a&q=b']) {
      const res = await shop.api.call('GET', `/api/v1/products?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body).toEqual(expectedError('VALIDATION_FAILED'));
    }
  });

  it('when an id is unknown, then 404 NOT_FOUND, and one too long or holding a path is 400', async () => {
    expect((await shop.api.call('GET', '/api/v1/products/does-not-exist')).status).toBe(404);
    expect((await shop.api.call('DELETE', '/api/v1/cart/items/does-not-exist', { token: customer })).status).toBe(200);
    expect((await shop.api.call('GET', `/api/v1/products/${'x'.repeat(300)}`)).status).toBe(400);
    for (const id of ['..%2F..%2Fdapr%2Fsubscribe', 'prod-001%2Fledger', '.hidden', 'a%20b']) expect((await shop.api.call('GET', `/api/v1/products/${id}`)).status, id).toBe(400);
  });

  it('when a non-admin calls an admin route, then 403 FORBIDDEN whatever the body', async () => {
    for (const route of ours.filter((r) => r.access === 'admin')) {
      const res = await shop.api.call(route.method.toUpperCase(), urlOf(route.path), { body: { junk: true }, token: customer });
      expect(res.status, `${route.method} ${route.path}`).toBe(403);
      expect(res.body).toEqual(expectedError('FORBIDDEN'));
    }
  });

  it('when a route does not exist, then 404 NOT_FOUND', async () => {
    expect((await shop.api.call('GET', '/api/v1/nothing-here')).body).toEqual(expectedError('NOT_FOUND'));
    expect((await shop.api.call('DELETE', '/api/v1/products')).status).toBe(404);
  });

  it('when every route gets hostile input, then none answers 500 and every answer carries x-request-id and security headers', async () => {
    const bodies = ['', 'null', '"text"', '[1,2]', '{"__proto__":{"admin":true}}', '{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}', '\u0000\uffff', '{"quantity":1e309}'];
    const ids = ['%00', '..%2F..%2Fetc', '%E0%A4%A', 'prod-001%3Fx=1', "'; DROP TABLE --", '{"$gt":""}'];
    for (const route of ours) {
      for (const raw of bodies) {
        for (const id of ids) {
          const body = route.method === 'get' ? {} : { raw };
          const res = await shop.api.call(route.method.toUpperCase(), urlOf(route.path, id), { ...body, token: tokenFor(route.access), headers: { 'x-request-id': 'hostile-1' } });
          const what = `${route.method} ${urlOf(route.path, id)} ${raw.slice(0, 30)}`;
          expect(res.status, what).toBeLessThan(500);
          expect(res.headers.get('x-request-id'), what).toBe('hostile-1');
          expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
        }
      }
    }
  });
});

describe('trust boundaries', () => {
  it('when a client sends identity headers itself, then the gateway ignores them and the token decides', async () => {
    const res = await shop.api.call('POST', '/api/v1/products', { token: customer, headers: { 'x-user-id': 'usr-admin', 'x-user-roles': 'admin' }, body: { sku: 'SPOOF-1', name: 'n', description: '', category: 'c', price: { amount: 1, currency: 'USD' } } });
    expect(res.status).toBe(403);
  });

  it('when a service is called directly without the app token, then 401 whatever identity headers come with it', async () => {
    for (const service of shop.services) {
      const res = await fetch(`${service.url}/products`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-user-id': 'usr-admin', 'x-user-roles': 'admin' }, body: '{}' });
      expect(res.status, service.name).toBe(401);
    }
  });
});

describe('a dependency that is down', () => {
  it('when the service behind a route is not running, then 503 UNAVAILABLE with nothing about its internals', async () => {
    const res = await shop.api.call('GET', '/api/v1/notifications', { token: customer });
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ error: { code: 'UNAVAILABLE', message: expect.any(String) } });
    expect(JSON.stringify(res.body)).not.toMatch(/notifications|dapr|invoke|status/i);
  });

  it('when cart stops, then its routes answer 503 UNAVAILABLE while the catalog still answers', async () => {
    await shop.services[2]!.stop();
    for (const [method, url, body] of [['GET', '/api/v1/cart', undefined], ['PUT', '/api/v1/cart/items/prod-001', { quantity: 1 }]] as const) {
      const res = await shop.api.call(method, url, { token: customer, body });
      expect(res.status, `${method} ${url}`).toBe(503);
      expect(res.body).toEqual({ error: { code: 'UNAVAILABLE', message: expect.any(String) } });
      expect(res.headers.get('x-request-id')).toBeTruthy();
    }
    expect((await shop.api.call('GET', '/api/v1/products/prod-001')).status).toBe(200);
  });
});
