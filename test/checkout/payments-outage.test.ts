// Orders keep being taken while payments is down; their events wait in Kafka and are paid once when it returns.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/test-stack.js';
import { startCheckout, type Checkout } from './support/checkout.js';
import { chargesOf } from './support/payment-provider.js';

let shop: Checkout;
beforeAll(async () => {
  shop = await startCheckout();
});
afterEach(async () => shop.expectConserved());
afterAll(async () => shop?.stopAll());

describe('payments down while orders are placed', () => {
  it('when payments returns, then every order placed meanwhile is confirmed and charged once', async () => {
    const productId = await shop.product(20);
    const customers = await Promise.all(Array.from({ length: 3 }, () => shop.customer()));
    const first = await shop.placed(customers[0]!, { items: [{ productId, quantity: 1 }], payment: { token: 'tok_visa' } });
    expect(await shop.settled(customers[0]!, first.id)).toMatchObject({ status: 'CONFIRMED' });

    await shop.stop('payments');
    const placed = [];
    for (const [i, customer] of [...customers, ...customers].entries()) {
      placed.push({ customer, order: await shop.placed(customer, { items: [{ productId, quantity: 1 + (i % 2) }], payment: { token: 'tok_visa' } }) });
    }
    // Nothing can settle them meanwhile: they wait, their stock held.
    await new Promise((r) => setTimeout(r, 3_000));
    for (const { customer, order } of placed) expect((await shop.order(customer, order.id)).status).toBe('PENDING_PAYMENT');
    expect(await shop.stock(productId)).toEqual({ productId, available: 20 - 1 - 9, reserved: 9 });

    await shop.start('payments');
    const settled = await Promise.all(placed.map(({ customer, order }) => shop.settled(customer, order.id, 90_000)));
    expect(settled.map((o) => o.status)).toEqual(placed.map(() => 'CONFIRMED'));
    for (const { order } of placed) {
      expect((await chargesOf(order.id)).items, `charges of ${order.id}`).toMatchObject([{ status: 'approved', amount: order.total.amount }]);
    }
    for (const { customer, order } of placed) {
      const told = await shop.toldAbout(customer, order.id, 'ORDER_CONFIRMED');
      expect(told.filter((n) => n.type === 'ORDER_CONFIRMED')).toHaveLength(1);
    }
    await eventually('every sale recorded', async () => ((await shop.ledger(productId)).sold === 10 ? true : undefined));
    expect(await shop.ledger(productId)).toEqual({ productId, available: 10, reserved: 0, sold: 10, stocked: 20 });
  });
});
