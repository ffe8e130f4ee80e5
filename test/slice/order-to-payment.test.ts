// orders publishes orders.created through the Kafka component; payments consumes it — on real daprd, Kafka and FerretDB.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../dev/stack/service-process.js';
import { eventually, invoke, startService } from '../support/test-stack.js';

const line = { productId: 'p-1', name: 'Mug', quantity: 2, unitPrice: { amount: 1250, currency: 'USD' } };

async function placeOrder(orders: RunningService, userId: string): Promise<string> {
  const res = await invoke(orders, 'orders', 'orders', { method: 'POST', headers: { 'x-user-id': userId }, body: { items: [line], payment: { token: 'tok_visa' } } });
  expect(res.status).toBe(201);
  return (res.body as { id: string }).id;
}

async function paymentOf(via: RunningService, orderId: string): Promise<{ applied: number; amount: { amount: number } } | undefined> {
  const res = await invoke(via, 'payments', `payments/${orderId}`);
  return res.status === 200 ? (res.body as { applied: number; amount: { amount: number } }) : undefined;
}

describe('order events reach payments through Dapr and Kafka', () => {
  let orders: RunningService;
  let payments: RunningService | undefined;

  beforeAll(async () => {
    [orders, payments] = await Promise.all([startService('orders'), startService('payments')]);
  });

  afterAll(async () => {
    await Promise.all([orders?.stop(), payments?.stop()]);
  });

  it('when an order is placed, then payments opens its payment for the order total', async () => {
    const orderId = await placeOrder(orders, 'user-a');
    const payment = await eventually('the payment of the order', () => paymentOf(orders, orderId));
    expect(payment.amount.amount).toBe(2500);
    expect(payment.applied).toBe(1);
  });

  it('when payments is down while orders are placed, then on its return every order is processed once', async () => {
    await payments!.stop();
    payments = undefined;
    const placed: string[] = [];
    for (let i = 0; i < 10; i += 1) placed.push(await placeOrder(orders, `user-${i}`));
    expect(await paymentOf(orders, placed[0]!)).toBeUndefined();

    payments = await startService('payments');
    const seen = await eventually('every order to have its payment', async () => {
      const found = await Promise.all(placed.map((id) => paymentOf(orders, id)));
      return found.every(Boolean) ? found : undefined;
    }, 60_000);
    expect(seen.map((p) => p!.applied)).toEqual(placed.map(() => 1));
  });
});
