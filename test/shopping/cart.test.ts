// Carts through the gateway: prices from catalog, quantities set, lines removed, emptied, and cleared by orders.created.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cart as cartSchema } from '../../services/gateway/src/api/cart-schemas.js';
import { eventually, publish } from '../support/test-stack.js';
import { expectedError, startShop, type Shop } from './support/shop.js';

let shop: Shop;
beforeAll(async () => {
  shop = await startShop(['users', 'catalog', 'cart']);
});
afterAll(async () => shop?.stop());

const put = (token: string, productId: string, quantity: number) => shop.api.call('PUT', `/api/v1/cart/items/${productId}`, { token, body: { quantity } });

describe('a cart', () => {
  it('when nothing was added yet, then the cart is empty with a zero total', async () => {
    const { token } = await shop.api.newCustomer();
    const res = await shop.api.call('GET', '/api/v1/cart', { token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [], total: { amount: 0, currency: 'USD' } });
  });

  it('when products are put in, then each line has the catalog name and price and the total adds up', async () => {
    const { token } = await shop.api.newCustomer();
    await put(token, 'prod-001', 2);
    const res = await put(token, 'prod-005', 1);
    expect(res.status).toBe(200);
    expect(cartSchema.parse(res.body)).toEqual({
      items: [
        { productId: 'prod-001', name: 'Stoneware Mug', quantity: 2, unitPrice: { amount: 1250, currency: 'USD' } },
        { productId: 'prod-005', name: 'The Long Voyage', quantity: 1, unitPrice: { amount: 1800, currency: 'USD' } },
      ],
      total: { amount: 4300, currency: 'USD' },
    });
    expect((await shop.api.call('GET', '/api/v1/cart', { token })).body).toEqual(res.body);
  });

  it('when a product is put again, then its quantity is set, not added', async () => {
    const { token } = await shop.api.newCustomer();
    await put(token, 'prod-001', 2);
    expect((await put(token, 'prod-001', 5)).body.items).toEqual([expect.objectContaining({ productId: 'prod-001', quantity: 5 })]);
  });

  it('when a line is deleted, then 200 gives the cart without it, and deleting the cart is 204 and leaves it empty', async () => {
    const { token } = await shop.api.newCustomer();
    await put(token, 'prod-001', 1);
    await put(token, 'prod-002', 1);
    const res = await shop.api.call('DELETE', '/api/v1/cart/items/prod-001', { token });
    expect(res.status).toBe(200);
    expect(res.body.items.map((l: { productId: string }) => l.productId)).toEqual(['prod-002']);
    const emptied = await shop.api.call('DELETE', '/api/v1/cart', { token });
    expect(emptied.status).toBe(204);
    expect((await shop.api.call('GET', '/api/v1/cart', { token })).body.items).toEqual([]);
  });

  it('when an unknown product is put in, then 404 NOT_FOUND and the cart is unchanged', async () => {
    const { token } = await shop.api.newCustomer();
    const res = await put(token, 'prod-nope', 1);
    expect(res.status).toBe(404);
    expect(res.body).toEqual(expectedError('NOT_FOUND'));
    expect((await shop.api.call('GET', '/api/v1/cart', { token })).body.items).toEqual([]);
  });

  it('when one customer fills a cart, then another customer does not see it', async () => {
    const a = await shop.api.newCustomer();
    const b = await shop.api.newCustomer();
    await put(a.token, 'prod-003', 1);
    expect((await shop.api.call('GET', '/api/v1/cart', { token: b.token })).body.items).toEqual([]);
  });

  it('when 20 updates of one cart race, then the cart holds every item', async () => {
    const { token } = await shop.api.newCustomer();
    const ids = Array.from({ length: 20 }, (_, i) => `prod-${String(i + 1).padStart(3, '0')}`);
    const answers = await Promise.all(ids.map((id, i) => put(token, id, i + 1)));
    expect(answers.map((a) => a.status)).toEqual(ids.map(() => 200));
    const cart = (await shop.api.call('GET', '/api/v1/cart', { token })).body;
    expect(cart.items.map((l: { productId: string; quantity: number }) => [l.productId, l.quantity]).sort()).toEqual(ids.map((id, i) => [id, i + 1]).sort());
  });

  it('when an order is created for the customer, then the cart is cleared', async () => {
    const { token, id } = await shop.api.newCustomer();
    await put(token, 'prod-004', 1);
    const line = { productId: 'prod-004', name: 'Electric Kettle', quantity: 1, unitPrice: { amount: 3900, currency: 'USD' } };
    await publish('orders.created', {
      schemaVersion: 1, orderId: `ord-${crypto.randomUUID()}`, userId: id, items: [line], total: line.unitPrice, paymentToken: 'tok_visa', createdAt: new Date().toISOString(),
    });
    await eventually('the cart to be cleared', async () => ((await shop.api.call('GET', '/api/v1/cart', { token })).body.items.length === 0 ? true : undefined));
  });

  it('when there is no token, then every cart route is 401 UNAUTHENTICATED', async () => {
    for (const [method, url] of [['GET', '/api/v1/cart'], ['PUT', '/api/v1/cart/items/prod-001'], ['DELETE', '/api/v1/cart/items/prod-001'], ['DELETE', '/api/v1/cart']]) {
      const res = await shop.api.call(method!, url!, method === 'PUT' ? { body: { quantity: 1 } } : {});
      expect(res.status, `${method} ${url}`).toBe(401);
      expect(res.body).toEqual(expectedError('UNAUTHENTICATED'));
    }
  });
});
