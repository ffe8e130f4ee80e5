// An order cancelled while or before it is paid: it stays cancelled, no charge stands for it, and its stock comes back.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callApp, eventually, metricValue } from '../support/test-stack.js';
import { startCheckout, type Checkout, type Customer } from './support/checkout.js';
import { approved, chargesOf } from './support/payment-provider.js';

interface PaymentView {
  status: string;
  cancelledAt?: string;
  refundedAt?: string;
}

let shop: Checkout;
beforeAll(async () => {
  // Lean: cart and notifications take no part in paying or cancelling (their events wait in Kafka).
  shop = await startCheckout({ without: ['cart', 'notifications'] });
});
afterEach(async () => shop.expectConserved());
afterAll(async () => shop?.stopAll());

async function cancelByUser(customer: Customer, orderId: string): Promise<void> {
  const res = await shop.api.call('POST', `/api/v1/orders/${orderId}/cancel`, { token: customer.token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body).toMatchObject({ status: 'CANCELLED', cancellationReason: 'USER_CANCELLED' });
}

/** The payment as payments has it, once it has left PENDING and owes nothing (a refund owed is SUCCEEDED with cancelledAt). */
function paymentSettled(orderId: string, timeoutMs = 60_000): Promise<PaymentView> {
  return eventually(`the payment of order ${orderId} to be settled`, async () => {
    const res = await callApp(shop.service('payments'), 'GET', `payments/${orderId}`);
    const payment = res.body as PaymentView;
    if (res.status !== 200 || payment.status === 'PENDING' || (payment.status === 'SUCCEEDED' && payment.cancelledAt)) return undefined;
    return payment;
  }, timeoutMs);
}

async function expectStockBack(productId: string, stocked: number): Promise<void> {
  await eventually('the reservation released', async () => ((await shop.ledger(productId)).reserved === 0 ? true : undefined));
  expect(await shop.ledger(productId)).toEqual({ productId, available: stocked, reserved: 0, sold: 0, stocked });
}

describe('an order cancelled by the user before its payment settles', () => {
  it('when the user cancels while a slow charge is in flight, then the order stays cancelled and the charge is refunded', async () => {
    const customer = await shop.customer();
    const productId = await shop.product(3);
    const refundsBefore = await metricValue(shop.service('payments'), 'payments_refunds_total', { outcome: 'refunded' });
    const order = await shop.placed(customer, { items: [{ productId, quantity: 2 }], payment: { token: 'tok_slow' } });
    await eventually('the charge to reach the provider', async () => ((await chargesOf(order.id)).items.length > 0 ? true : undefined));

    await cancelByUser(customer, order.id);

    // The provider approves a slow charge in the end; payments gives it back.
    expect(await paymentSettled(order.id, 90_000)).toMatchObject({ status: 'REFUNDED', cancelledAt: expect.any(String), refundedAt: expect.any(String) });
    const charges = await chargesOf(order.id);
    expect(charges.items).toMatchObject([{ status: 'refunded', amount: order.total.amount }]);
    expect(approved(charges)).toEqual([]);
    expect(await metricValue(shop.service('payments'), 'payments_refunds_total', { outcome: 'refunded' })).toBe(refundsBefore + 1);

    const final = await shop.order(customer, order.id);
    expect(final).toMatchObject({ status: 'CANCELLED', cancellationReason: 'USER_CANCELLED' });
    expect(final.history.map((h) => h.status)).toEqual(['PENDING_PAYMENT', 'CANCELLED']);
    await expectStockBack(productId, 3);
  });

  it('when payments is down while the order is placed and cancelled, then on its return the order is never charged', async () => {
    const customer = await shop.customer();
    const productId = await shop.product(2);
    await shop.stop('payments');
    const order = await shop.placed(customer, { items: [{ productId, quantity: 1 }], payment: { token: 'tok_visa' } });
    await cancelByUser(customer, order.id);

    const payments = await shop.start('payments');
    // Both events waited in Kafka; once each is handled, the payment is void and the provider never saw the order.
    await eventually('orders.created and orders.cancelled handled', async () => {
      const handled = await Promise.all(['orders.created', 'orders.cancelled'].map((topic) => metricValue(payments, 'events_received_total', { topic, outcome: 'handled' })));
      return handled.every((n) => n >= 1) ? true : undefined;
    }, 60_000);
    expect(await paymentSettled(order.id)).toMatchObject({ status: 'VOID', cancelledAt: expect.any(String) });
    expect(await chargesOf(order.id)).toEqual({ items: [], attempts: 0 });

    expect(await shop.order(customer, order.id)).toMatchObject({ status: 'CANCELLED', cancellationReason: 'USER_CANCELLED' });
    await expectStockBack(productId, 2);
  });
});
