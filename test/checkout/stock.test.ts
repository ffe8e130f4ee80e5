// Ordering more than is in stock, and shoppers racing for the last units: refusals keep nothing, nothing is oversold.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectedError } from '../shopping/support/shop.js';
import { eventually } from '../support/test-stack.js';
import { startCheckout, type Checkout, type Customer } from './support/checkout.js';

let shop: Checkout;
beforeAll(async () => {
  shop = await startCheckout();
});
afterEach(async () => shop.expectConserved());
afterAll(async () => shop?.stopAll());

describe('ordering against the stock', () => {
  it('when a line asks for more than is available, then 409 OUT_OF_STOCK names the short line and nothing is reserved', async () => {
    const customer = await shop.customer();
    const [plenty, scarce] = [await shop.product(10), await shop.product(2)];
    const key = crypto.randomUUID();
    const res = await shop.placeOrder(customer, { items: [{ productId: plenty, quantity: 4 }, { productId: scarce, quantity: 3 }], payment: { token: 'tok_visa' } }, key);

    expect(res.status).toBe(409);
    expect(res.body).toEqual(expectedError('OUT_OF_STOCK'));
    expect(res.body.error.details).toEqual([{ productId: scarce, requested: 3, available: 2 }]);
    expect(await shop.stock(plenty)).toEqual({ productId: plenty, available: 10, reserved: 0 });
    expect(await shop.stock(scarce)).toEqual({ productId: scarce, available: 2, reserved: 0 });
    expect((await shop.api.call('GET', '/api/v1/orders', { token: customer.token })).body.items).toEqual([]);

    // A refusal keeps nothing: once restocked, the same request with the same key goes through.
    await shop.setStock(scarce, 3);
    const retried = await shop.placed(customer, { items: [{ productId: plenty, quantity: 4 }, { productId: scarce, quantity: 3 }], payment: { token: 'tok_visa' } }, key);
    expect(await shop.settled(customer, retried.id)).toMatchObject({ status: 'CONFIRMED' });
  });

  it('when 30 orders race for the last 10 units, then exactly 10 are placed and confirmed, the others are refused, and nothing is oversold', async () => {
    const productId = await shop.product(10);
    // One after another: the race is between orders, and 30 parallel scrypt hashes on 2 cores outlast the call timeout.
    const customers: Customer[] = [];
    for (let i = 0; i < 30; i += 1) customers.push(await shop.customer());

    // Contention can answer 503 UNAVAILABLE ("safe to retry"): clients retry it with the same Idempotency-Key.
    const answers = await Promise.all(customers.map((c) => shop.placeOrderRetrying(c, { items: [{ productId, quantity: 1 }], payment: { token: 'tok_visa' } })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses, JSON.stringify(answers.filter((a) => a.status !== 201 && a.status !== 409).map((a) => a.body))).toEqual([...Array(10).fill(201), ...Array(20).fill(409)]);
    const retried = answers.filter((a) => a.attempts > 1).length;
    if (retried > 0) console.warn(`${retried} of 30 racing orders were answered 503 first and retried`);
    for (const refused of answers.filter((a) => a.status === 409)) {
      expect(refused.body).toEqual(expectedError('OUT_OF_STOCK'));
    }

    const placed = answers.flatMap((a, i) => (a.status === 201 ? [{ customer: customers[i]!, orderId: a.body.id as string }] : []));
    const settled = await Promise.all(placed.map((p) => shop.settled(p.customer, p.orderId)));
    expect(settled.map((o) => o.status)).toEqual(Array(10).fill('CONFIRMED'));
    await eventually('every sale recorded', async () => ((await shop.ledger(productId)).sold === 10 ? true : undefined));
    expect(await shop.ledger(productId)).toEqual({ productId, available: 0, reserved: 0, sold: 10, stocked: 10 });
    expect(await shop.stock(productId)).toEqual({ productId, available: 0, reserved: 0 });
    // Retried requests never became a second order.
    const listed = await Promise.all(customers.map(async (c) => (await shop.api.call('GET', '/api/v1/orders', { token: c.token })).body.items.length));
    expect(listed.reduce((a, b) => a + b, 0)).toBe(10);
  });
});
