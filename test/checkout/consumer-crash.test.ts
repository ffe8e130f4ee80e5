// A consumer killed while it handles an event leaves the event claimed. Once the claim's lease lapses, the
// redelivery after the restart handles the event. Dapr must still be redelivering by then instead of dead-lettering
// it, so the lease (idempotency-store.ts) must be shorter than deliveryRetry (components/*/resiliency.yaml).
import mongoose, { type Connection } from 'mongoose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually, metricValue, publish, testStack } from '../support/test-stack.js';
import { startCheckout, type Checkout } from './support/checkout.js';

let shop: Checkout;
let ordersDb: Connection;
// payments stays away, so only the event this test publishes settles the order; cart is not needed.
beforeAll(async () => {
  shop = await startCheckout({ without: ['cart', 'payments'] });
  ordersDb = await mongoose.createConnection(testStack().mongoUri, { dbName: 'orders', retryWrites: false }).asPromise();
});
afterEach(async () => shop.expectConserved());
afterAll(async () => Promise.all([shop?.stopAll(), ordersDb?.close()]));

interface Claim {
  _id: string;
  state: 'in-flight' | 'done';
  claimedAt: Date;
}

const claims = () => ordersDb.collection<Claim>('processed_events');
const locks = () => ordersDb.collection<{ _id: string; owner: string; until: Date }>('locks');

describe('a consumer killed while handling an event', () => {
  it('when orders is killed in the middle of handling payments.succeeded, then after its restart the order is confirmed once and nothing is dead-lettered', async () => {
    const customer = await shop.customer();
    const productId = await shop.product(5);
    const order = await shop.placed(customer, { items: [{ productId, quantity: 2 }], payment: { token: 'tok_visa' } });
    await eventually('the outbox of orders to be empty', async () => ((await metricValue(shop.service('orders'), 'orders_outbox_backlog')) === 0 ? true : undefined));

    // Another writer holds the order, so orders' handler claims the event and then waits for the order's lock.
    const lockId = `order:${order.id}`;
    await locks().insertOne({ _id: lockId, owner: 'another-writer', until: new Date(Date.now() + 10 * 60_000) });
    const eventId = `${order.id}-succeeded`;
    const claimId = `payments.succeeded/${eventId}`;
    const succeeded = { schemaVersion: 1, orderId: order.id, paymentId: `ch_crash_${order.id.slice(0, 8)}`, amount: order.total };
    await publish('payments.succeeded', succeeded, eventId);

    // The handler gives its claim back after each 2.5 s wait for the lock: kill orders early in one of those waits.
    await eventually(`orders to be handling ${eventId}`, async () => {
      const claim = await claims().findOne({ _id: claimId });
      return claim?.state === 'in-flight' && Date.now() - claim.claimedAt.getTime() < 1_000 ? claim : undefined;
    }, 60_000);
    await shop.stop('orders', 'crash');
    const crashedAt = Date.now();
    expect(await claims().findOne({ _id: claimId }), 'the claim the killed handler left').toMatchObject({ state: 'in-flight' });
    await locks().deleteOne({ _id: lockId });

    await shop.start('orders');
    const confirmed = await shop.settled(customer, order.id, 90_000);
    console.log(`order confirmed ${((Date.now() - crashedAt) / 1000).toFixed(1)}s after the crash`);
    expect(confirmed.status).toBe('CONFIRMED');
    expect(confirmed.history.map((h) => h.status)).toEqual(['PENDING_PAYMENT', 'CONFIRMED']);

    const told = await shop.toldAbout(customer, order.id, 'ORDER_CONFIRMED');
    expect(told.filter((n) => n.type === 'ORDER_CONFIRMED')).toHaveLength(1);
    await eventually('the sale recorded', async () => ((await shop.ledger(productId)).sold > 0 ? true : undefined));
    expect(await shop.ledger(productId)).toMatchObject({ available: 3, reserved: 0, sold: 2 });

    const deadLetters = await shop.api.call('GET', '/api/v1/admin/dead-letters?topic=payments.succeeded', { token: await shop.adminToken() });
    expect(deadLetters.status, JSON.stringify(deadLetters.body)).toBe(200);
    expect((deadLetters.body as { items: Array<{ eventId: string }> }).items.filter((d) => d.eventId === eventId)).toEqual([]);
  }, 240_000);
});
