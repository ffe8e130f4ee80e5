// Messages that can never be handled go to their topic's dead-letter topic, where administrators can see them through
// the gateway, and the orders behind and after them are not held up or changed.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually, publish } from '../support/test-stack.js';
import { startCheckout, type Checkout } from './support/checkout.js';
import { chargesOf } from './support/payment-provider.js';

let shop: Checkout;
beforeAll(async () => {
  shop = await startCheckout();
});
afterEach(async () => shop.expectConserved());
afterAll(async () => shop?.stopAll());

interface DeadLetter {
  topic: string;
  deadLetterTopic: string;
  eventId: string;
  data: unknown;
}

/** Waits until an administrator sees the message among the dead letters of its topic (GET /api/v1/admin/dead-letters). */
async function deadLettered(topic: string, eventId: string): Promise<DeadLetter> {
  const admin = await shop.adminToken();
  return eventually(`${eventId} listed among the dead letters of ${topic}`, async () => {
    const res = await shop.api.call('GET', `/api/v1/admin/dead-letters?topic=${topic}`, { token: admin });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (res.body as { items: DeadLetter[] }).items.find((d) => d.eventId === eventId);
  }, 90_000);
}

describe('poison messages', () => {
  it('when orders.created carries an invalid payload, then it reaches orders.created.dlq, nobody is charged, and the next order goes through', async () => {
    const orderId = randomUUID();
    const poison = { schemaVersion: 1, orderId, userId: 'someone', items: [], paymentToken: 'tok_visa' };
    const eventId = `poison-${orderId}`;
    await publish('orders.created', poison, eventId);

    expect(await deadLettered('orders.created', eventId)).toMatchObject({ topic: 'orders.created', deadLetterTopic: 'orders.created.dlq', data: poison });
    const customer = await shop.customer();
    const productId = await shop.product(3);
    const order = await shop.placed(customer, { items: [{ productId, quantity: 1 }], payment: { token: 'tok_visa' } });
    expect(await shop.settled(customer, order.id)).toMatchObject({ status: 'CONFIRMED' });
    expect((await chargesOf(orderId)).items).toEqual([]);
  });

  it('when payments.succeeded carries an invalid payload, then it reaches payments.succeeded.dlq and the order it names is unchanged', async () => {
    const customer = await shop.customer();
    const productId = await shop.product(3);
    const order = await shop.placed(customer, { items: [{ productId, quantity: 1 }], payment: { token: 'tok_decline' } });
    const cancelled = await shop.settled(customer, order.id);
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancellationReason: 'PAYMENT_DECLINED' });

    const poison = { schemaVersion: 1, orderId: order.id, paymentId: '', amount: { amount: -1, currency: 'USD' } };
    const eventId = `poison-${order.id}`;
    await publish('payments.succeeded', poison, eventId);

    expect(await deadLettered('payments.succeeded', eventId)).toMatchObject({ topic: 'payments.succeeded', deadLetterTopic: 'payments.succeeded.dlq', data: poison });
    expect(await shop.order(customer, order.id)).toEqual(cancelled);
    await eventually('the stock of the declined order to be back', async () => ((await shop.stock(productId)).reserved === 0 ? true : undefined));
    expect(await shop.stock(productId)).toEqual({ productId, available: 3, reserved: 0 });
  });
});
