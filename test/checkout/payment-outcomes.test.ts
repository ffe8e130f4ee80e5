// Placing orders through the gateway with each kind of card: approved, declined, failing twice, slow.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/test-stack.js';
import { startCheckout, type Checkout } from './support/checkout.js';
import { approved, chargesOf } from './support/payment-provider.js';

let shop: Checkout;
beforeAll(async () => {
  shop = await startCheckout();
});
afterEach(async () => shop.expectConserved());
afterAll(async () => shop?.stopAll());

describe('paying for an order', () => {
  it('when the cart is ordered with an approved card, then the order is confirmed within seconds, the customer is told and the cart is emptied', async () => {
    const customer = await shop.customer();
    const productId = await shop.product(5, 1_500);
    expect((await shop.api.call('PUT', `/api/v1/cart/items/${productId}`, { token: customer.token, body: { quantity: 2 } })).status).toBe(200);

    const placedAt = Date.now();
    const key = crypto.randomUUID();
    const order = await shop.placed(customer, { payment: { token: 'tok_visa' } }, key);
    expect(order).toMatchObject({ userId: customer.id, items: [{ productId, name: 'Checkout Kettle', quantity: 2, unitPrice: { amount: 1_500, currency: 'USD' } }], total: { amount: 3_000, currency: 'USD' } });

    const settled = await shop.settled(customer, order.id, 15_000);
    expect(Date.now() - placedAt).toBeLessThan(15_000);
    expect(settled).toMatchObject({ status: 'CONFIRMED', history: [{ status: 'PENDING_PAYMENT' }, { status: 'CONFIRMED' }] });
    expect(settled.cancellationReason).toBeUndefined();

    const told = await shop.toldAbout(customer, order.id, 'ORDER_CONFIRMED');
    expect(told.find((n) => n.type === 'ORDER_CONFIRMED')?.message).toMatch(/is confirmed: \$30\.00 was charged\.$/);
    await eventually('the cart to be emptied', async () => {
      const cart = await shop.api.call('GET', '/api/v1/cart', { token: customer.token });
      return cart.body.items.length === 0 ? cart : undefined;
    });

    // A repeated click with the same key is the same order, charged once.
    const again = await shop.placeOrder(customer, { payment: { token: 'tok_visa' } }, key);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(order.id);
    const charges = await chargesOf(order.id);
    expect(charges.items).toMatchObject([{ status: 'approved', amount: 3_000, currency: 'USD', token: 'tok_visa' }]);
    expect(await shop.ledger(productId)).toMatchObject({ available: 3, reserved: 0, sold: 2, stocked: 5 });
  });

  it('when the card is declined, then the order is cancelled as PAYMENT_DECLINED, the customer is told and the stock is back', async () => {
    const customer = await shop.customer();
    const productId = await shop.product(4);
    const before = await shop.stock(productId);

    const order = await shop.placed(customer, { items: [{ productId, quantity: 3 }], payment: { token: 'tok_decline' } });
    const settled = await shop.settled(customer, order.id);
    expect(settled).toMatchObject({ status: 'CANCELLED', cancellationReason: 'PAYMENT_DECLINED', history: [{ status: 'PENDING_PAYMENT' }, { status: 'CANCELLED', reason: 'PAYMENT_DECLINED' }] });

    await eventually('the reserved units to be back', async () => {
      const now = await shop.stock(productId);
      return now.available === before.available && now.reserved === 0 ? now : undefined;
    });
    expect(await shop.stock(productId)).toEqual(before);
    const told = await shop.toldAbout(customer, order.id, 'ORDER_CANCELLED');
    expect(told.find((n) => n.type === 'ORDER_CANCELLED')?.message).toMatch(/the payment was declined\.$/);
    expect(approved(await chargesOf(order.id))).toEqual([]);
  });

  it('when the provider fails twice before approving, then the order is confirmed and charged exactly once', async () => {
    const customer = await shop.customer();
    const productId = await shop.product(3);
    const order = await shop.placed(customer, { items: [{ productId, quantity: 1 }], payment: { token: 'tok_flaky' } });

    expect(await shop.settled(customer, order.id)).toMatchObject({ status: 'CONFIRMED' });
    const charges = await chargesOf(order.id);
    expect(charges.items).toMatchObject([{ status: 'approved', amount: 1_500 }]);
    expect(charges.attempts).toBeGreaterThanOrEqual(3);
    await eventually('the sale recorded', async () => ((await shop.ledger(productId)).sold === 1 ? true : undefined));
    expect(await shop.ledger(productId)).toMatchObject({ available: 2, reserved: 0, sold: 1 });
  });

  it('when the provider answers too slowly, then the charge is retried, the order ends settled and the card is charged at most once, as the order says', async () => {
    const customer = await shop.customer();
    const productId = await shop.product(3);
    const order = await shop.placed(customer, { items: [{ productId, quantity: 1 }], payment: { token: 'tok_slow' } });

    const settled = await shop.settled(customer, order.id, 90_000);
    expect(['CONFIRMED', 'CANCELLED']).toContain(settled.status);
    const charges = await chargesOf(order.id);
    expect(charges.attempts, 'the timed-out call was retried').toBeGreaterThanOrEqual(2);
    expect(charges.items.length).toBeLessThanOrEqual(1);
    // The provider approves a slow charge in the end: only a confirmed order may have one.
    await eventually('the provider to finish the slow charge', async () => ((await chargesOf(order.id)).items.every((c) => c.status !== 'processing') ? true : undefined));
    expect(approved(await chargesOf(order.id))).toHaveLength(settled.status === 'CONFIRMED' ? 1 : 0);
    await eventually('the reservation settled', async () => ((await shop.ledger(productId)).reserved === 0 ? true : undefined));
  });
});
