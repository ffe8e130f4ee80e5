// An order whose payment never settles: its reservation expires, the order is cancelled as EXPIRED, the stock returns.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callApp, eventually } from '../support/test-stack.js';
import { startCheckout, type Checkout } from './support/checkout.js';
import { approved, chargesOf } from './support/payment-provider.js';

let shop: Checkout;
// No payments at first: nothing settles the order. Reservations last 4 s instead of 15 min.
beforeAll(async () => {
  shop = await startCheckout({ without: ['payments'], env: { inventory: { RESERVATION_TTL_MS: '4000', SWEEP_INTERVAL_MS: '250' } } });
});
afterEach(async () => shop.expectConserved());
afterAll(async () => shop?.stopAll());

describe('an order that is not paid in time', () => {
  it('when its reservation expires, then the order is cancelled as EXPIRED, the customer is told and the stock is back', async () => {
    const customer = await shop.customer();
    const productId = await shop.product(5);
    const order = await shop.placed(customer, { items: [{ productId, quantity: 3 }], payment: { token: 'tok_visa' } });
    expect(await shop.stock(productId)).toEqual({ productId, available: 2, reserved: 3 });

    const settled = await shop.settled(customer, order.id);
    expect(settled).toMatchObject({ status: 'CANCELLED', cancellationReason: 'EXPIRED', history: [{ status: 'PENDING_PAYMENT' }, { status: 'CANCELLED', reason: 'EXPIRED' }] });
    expect(Date.parse(settled.updatedAt) - Date.parse(order.createdAt)).toBeGreaterThanOrEqual(4_000);
    await eventually('the stock to be back', async () => {
      const stock = await shop.stock(productId);
      return stock.reserved === 0 ? stock : undefined;
    });
    expect(await shop.stock(productId)).toEqual({ productId, available: 5, reserved: 0 });
    expect(await shop.ledger(productId)).toMatchObject({ sold: 0, stocked: 5 });
    const told = await shop.toldAbout(customer, order.id, 'ORDER_CANCELLED');
    expect(told.find((n) => n.type === 'ORDER_CANCELLED')?.message).toMatch(/it was not paid in time\.$/);

    const cancel = await shop.api.call('POST', `/api/v1/orders/${order.id}/cancel`, { token: customer.token });
    expect(cancel.status).toBe(409);
    expect(cancel.body.error.code).toBe('ORDER_NOT_CANCELLABLE');
  });

  it('when payments comes back after an order expired, then the customer is not charged for it', async () => {
    const customer = await shop.customer();
    const productId = await shop.product(2);
    const order = await shop.placed(customer, { items: [{ productId, quantity: 1 }], payment: { token: 'tok_visa' } });
    expect(await shop.settled(customer, order.id)).toMatchObject({ status: 'CANCELLED', cancellationReason: 'EXPIRED' });

    // Its orders.created and orders.cancelled waited in Kafka meanwhile.
    const payments = await shop.start('payments');
    const payment = await eventually('payments to have settled the order', async () => {
      const res = await callApp(payments, 'GET', `payments/${order.id}`);
      return res.status === 200 && (res.body as { status: string }).status !== 'PENDING' ? (res.body as { status: string }) : undefined;
    }, 60_000);
    expect(['VOID', 'REFUNDED']).toContain(payment.status);
    expect(approved(await chargesOf(order.id))).toEqual([]);
    expect((await shop.order(customer, order.id)).status).toBe('CANCELLED');
    expect(await shop.stock(productId)).toEqual({ productId, available: 2, reserved: 0 });
  });
});
