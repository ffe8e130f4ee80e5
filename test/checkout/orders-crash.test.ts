// orders dies around the moment it writes an order: after its restart, each order's event goes out once and the
// order completes once (the outbox: the order and its event are one write, the relay publishes what is left).
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OrderRepository } from '../../services/orders/src/data-access/order-repository.js';
import { placeOrder } from '../../services/orders/src/domain/order.js';
import { listenTo, type EventListener } from '../inventory/event-listener.js';
import { callApp, eventually, metricValue, testStack } from '../support/test-stack.js';
import { startCheckout, type Checkout, type Customer } from './support/checkout.js';
import { approved, chargesOf } from './support/payment-provider.js';

let shop: Checkout;
let createdEvents: EventListener;
// Orders are placed with their items, so cart is not needed; its app id carries a listener that counts what orders
// publishes to orders.created (the pub/sub component admits only the shop's app ids, each its own consumer group).
beforeAll(async () => {
  createdEvents = await listenTo('orders.created', 'cart');
  shop = await startCheckout({ without: ['cart'] });
});
afterEach(async () => shop.expectConserved());
afterAll(async () => Promise.all([shop?.stopAll(), createdEvents?.stop()]));

const publishedFor = (orderId: string) => createdEvents.received.filter((e) => (e.data as { orderId?: string }).orderId === orderId);

async function expectCompletedOnce(customer: Customer, orderId: string): Promise<void> {
  const order = await shop.settled(customer, orderId, 90_000);
  expect(order.status, `order ${orderId}`).toBe('CONFIRMED');
  expect(order.history.map((h) => h.status)).toEqual(['PENDING_PAYMENT', 'CONFIRMED']);
  expect(approved(await chargesOf(orderId))).toHaveLength(1);
  const told = await shop.toldAbout(customer, orderId, 'ORDER_CONFIRMED');
  expect(told.map((n) => n.type).sort()).toEqual(['ORDER_CONFIRMED', 'ORDER_RECEIVED']);
}

/** Waits until orders has nothing left to publish, then a little longer, so a repeated publication would be seen. */
async function outboxDrained(): Promise<void> {
  await eventually('the outbox of orders to be empty', async () => ((await metricValue(shop.service('orders'), 'orders_outbox_backlog')) === 0 ? true : undefined), 60_000);
  await new Promise((r) => setTimeout(r, 2_000));
}

describe('orders crashes while taking orders', () => {
  it('when orders is killed right after answering, then after its restart every order completes exactly once', async () => {
    const productId = await shop.product(10);
    const customers = await Promise.all(Array.from({ length: 4 }, () => shop.customer()));
    const orders = await Promise.all(customers.map((c) => shop.placed(c, { items: [{ productId, quantity: 1 }], payment: { token: 'tok_visa' } })));
    await shop.stop('orders', 'crash');
    await shop.start('orders');

    for (const [i, order] of orders.entries()) await expectCompletedOnce(customers[i]!, order.id);
    await outboxDrained();
    // At least once: a publication the crash left unmarked may go out again, but always as the same event.
    for (const order of orders) expect(new Set(publishedFor(order.id).map((e) => e.id)).size, `events of ${order.id}`).toBe(1);
    await eventually('every sale recorded', async () => ((await shop.ledger(productId)).sold === 4 ? true : undefined));
  });

  it('when orders dies after writing an order but before publishing its event, then after its restart the event is published once and the order completes', async () => {
    const productId = await shop.product(5);
    const customer = await shop.customer();
    await shop.stop('orders', 'crash');

    // What orders leaves behind in that moment, written by its own repository: stock reserved, then the order and its
    // orders.created event in one document, and nothing published.
    const orderId = randomUUID();
    const line = { productId, name: 'Checkout Kettle', quantity: 2, unitPrice: { amount: 1_500, currency: 'USD' as const } };
    const reserved = await callApp(shop.service('inventory'), 'POST', 'reservations', { orderId, items: [{ productId, quantity: 2 }] });
    expect(reserved.status, JSON.stringify(reserved.body)).toBe(201);
    const { order, event } = placeOrder({ id: orderId, userId: customer.id, items: [line], paymentToken: 'tok_visa', now: new Date(), eventId: randomUUID() });
    const connection = await mongoose.createConnection(testStack().mongoUri, { dbName: 'orders', retryWrites: false }).asPromise();
    try {
      await new OrderRepository(connection).insertWithEvent(order, event);
    } finally {
      await connection.close();
    }
    expect(publishedFor(orderId)).toEqual([]);

    await shop.start('orders');
    await expectCompletedOnce(customer, orderId);
    await outboxDrained();
    expect(publishedFor(orderId)).toEqual([{ id: event.eventId, data: event.data }]);
    await eventually('the sale recorded', async () => ((await shop.ledger(productId)).sold === 2 ? true : undefined));
    expect(await shop.ledger(productId)).toMatchObject({ available: 3, reserved: 0, sold: 2 });
  });
});
