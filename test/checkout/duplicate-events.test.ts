// Delivery is at least once: the same event delivered twice (same CloudEvent id) has its effects once.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually, metricValue, publish } from '../support/test-stack.js';
import { startCheckout, type Checkout, type CheckoutService, type Order } from './support/checkout.js';
import { approved, chargesOf } from './support/payment-provider.js';

let shop: Checkout;
// payments starts in the second scenario, so that an order can wait for its payment in the first.
beforeAll(async () => {
  shop = await startCheckout({ without: ['payments'] });
});
afterEach(async () => shop.expectConserved());
afterAll(async () => shop?.stopAll());

/** Waits until a service has dropped a redelivery of the topic as a duplicate (counted after `before`). */
const duplicateSeen = (service: CheckoutService, topic: string, before: number) =>
  eventually(`${service} to drop a duplicate ${topic}`, async () => {
    const now = await metricValue(shop.service(service), 'events_received_total', { topic, outcome: 'duplicate' });
    return now > before ? now : undefined;
  }, 60_000);

const history = (order: Order) => order.history.map((h) => h.status);

describe('the same event delivered twice', () => {
  it('when payments.succeeded arrives twice, then the order is confirmed once: one history entry, one notification, the stock sold once', async () => {
    const customer = await shop.customer();
    const productId = await shop.product(5);
    const order = await shop.placed(customer, { items: [{ productId, quantity: 2 }], payment: { token: 'tok_visa' } });

    const orders = shop.service('orders');
    const before = await metricValue(orders, 'events_received_total', { topic: 'payments.succeeded', outcome: 'duplicate' });
    const succeeded = { schemaVersion: 1, orderId: order.id, paymentId: `ch_dup_${order.id.slice(0, 8)}`, amount: order.total };
    await publish('payments.succeeded', succeeded, `${order.id}-succeeded`);
    await publish('payments.succeeded', succeeded, `${order.id}-succeeded`);

    expect(await shop.settled(customer, order.id)).toMatchObject({ status: 'CONFIRMED' });
    await duplicateSeen('orders', 'payments.succeeded', before);
    expect(history(await shop.order(customer, order.id))).toEqual(['PENDING_PAYMENT', 'CONFIRMED']);
    const told = await shop.toldAbout(customer, order.id, 'ORDER_CONFIRMED');
    expect(told.filter((n) => n.type === 'ORDER_CONFIRMED')).toHaveLength(1);
    await eventually('the sale recorded', async () => ((await shop.ledger(productId)).sold > 0 ? true : undefined));
    expect(await shop.ledger(productId)).toMatchObject({ available: 3, reserved: 0, sold: 2 });
  });

  it('when orders.created arrives twice, then the card is charged once and the customer told once', async () => {
    const customer = await shop.customer();
    const productId = await shop.product(5);
    const order = await shop.placed(customer, { items: [{ productId, quantity: 1 }], payment: { token: 'tok_visa' } });

    // The order's event as orders published it, delivered twice more under one id while payments is away.
    const created = { schemaVersion: 1, orderId: order.id, userId: customer.id, items: order.items, total: order.total, paymentToken: 'tok_visa', createdAt: order.createdAt };
    const notifiedBefore = await metricValue(shop.service('notifications'), 'events_received_total', { topic: 'orders.created', outcome: 'duplicate' });
    await publish('orders.created', created, `${order.id}-created-again`);
    await publish('orders.created', created, `${order.id}-created-again`);
    await shop.start('payments');

    expect(await shop.settled(customer, order.id)).toMatchObject({ status: 'CONFIRMED' });
    await duplicateSeen('payments', 'orders.created', 0);
    await duplicateSeen('notifications', 'orders.created', notifiedBefore);
    expect(history(await shop.order(customer, order.id))).toEqual(['PENDING_PAYMENT', 'CONFIRMED']);
    expect(approved(await chargesOf(order.id))).toHaveLength(1);
    expect((await chargesOf(order.id)).items).toHaveLength(1);
    const told = await shop.toldAbout(customer, order.id, 'ORDER_CONFIRMED');
    expect(told.map((n) => n.type).sort()).toEqual(['ORDER_CONFIRMED', 'ORDER_RECEIVED']);
  });
});
