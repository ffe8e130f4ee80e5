// Reservations through Dapr service invocation, on real daprd and FerretDB: idempotent per order, all or nothing, no oversell.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../dev/stack/service-process.js';
import { startService } from '../support/test-stack.js';
import { admin, inventoryApi, newId } from './inventory-api.js';

describe('inventory reservations', () => {
  let inventory: RunningService;
  let api: ReturnType<typeof inventoryApi>;

  beforeAll(async () => {
    inventory = await startService('inventory', { SEED_STOCK: '0' });
    api = inventoryApi(inventory);
  });

  afterEach(async () => {
    await api.expectConserved();
  });

  afterAll(async () => {
    await inventory?.stop();
  });

  it('when the same order reserves twice, then the stock is taken once and both answers are the same', async () => {
    const productId = await api.product(5);
    const orderId = newId('o');
    const first = await api.reserve(orderId, [{ productId, quantity: 2 }]);
    const second = await api.reserve(orderId, [{ productId, quantity: 2 }]);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ orderId, status: 'RESERVED', items: [{ productId, quantity: 2 }] });
    expect(Date.parse((first.body as { expiresAt: string }).expiresAt)).toBeGreaterThan(Date.now());
    expect(second).toEqual(first);
    expect(await api.ledger(productId)).toMatchObject({ available: 3, reserved: 2, sold: 0, stocked: 5 });
  });

  it('when the same order id comes with other lines, then it is a conflict and nothing changes', async () => {
    const productId = await api.product(5);
    const orderId = newId('o');
    expect((await api.reserve(orderId, [{ productId, quantity: 1 }])).status).toBe(201);
    const other = await api.reserve(orderId, [{ productId, quantity: 3 }]);
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ error: { code: 'CONFLICT' } });
    expect(await api.ledger(productId)).toMatchObject({ available: 4, reserved: 1 });
  });

  it('when a line is short, then the reservation is REJECTED with the short lines and nothing stays reserved, also when asked again', async () => {
    const plenty = await api.product(5);
    const scarce = await api.product(1);
    const missing = newId('p-unknown');
    const orderId = newId('o');
    const lines = [{ productId: plenty, quantity: 2 }, { productId: scarce, quantity: 3 }, { productId: missing, quantity: 1 }];
    const refused = await api.reserve(orderId, lines);
    // 200, not an error status: Dapr's circuit breaker in front of inventory counts every non-2xx reply as a failure.
    expect(refused.status).toBe(200);
    const body = refused.body as { status: string; shortLines: unknown[] };
    expect(body.status).toBe('REJECTED');
    expect(body.shortLines).toEqual(expect.arrayContaining([{ productId: scarce, requested: 3, available: 1 }, { productId: missing, requested: 1, available: 0 }]));
    expect(body.shortLines).toHaveLength(2);
    expect(await api.reserve(orderId, lines)).toEqual(refused);
    expect(await api.ledger(plenty)).toMatchObject({ available: 5, reserved: 0 });
    expect(await api.ledger(scarce)).toMatchObject({ available: 1, reserved: 0 });
    expect((await api.call('GET', `inventory/${missing}`)).status).toBe(404);
  });

  it('when 30 orders race for the last 10 units, then exactly 10 get one and nothing is oversold', async () => {
    const productId = await api.product(10);
    const answers = await Promise.all(Array.from({ length: 30 }, () => api.reserve(newId('race'), [{ productId, quantity: 1 }])));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(10);
    expect(answers.filter((a) => a.status === 200).map((a) => (a.body as { status: string }).status)).toEqual(Array(20).fill('REJECTED'));
    expect(await api.ledger(productId)).toMatchObject({ available: 0, reserved: 10, sold: 0, stocked: 10 });
  });

  it('when an administrator sets the stock, then available is set and stocked moves by the difference; others are refused', async () => {
    const productId = await api.product(5);
    expect((await api.reserve(newId('o'), [{ productId, quantity: 2 }])).status).toBe(201);
    const set = await api.call('PUT', `inventory/${productId}`, { available: 7 }, admin);
    expect(set).toEqual({ status: 200, body: { productId, available: 7, reserved: 2 } });
    expect(await api.call('GET', `inventory/${productId}`)).toEqual({ status: 200, body: { productId, available: 7, reserved: 2 } });
    expect(await api.ledger(productId)).toEqual({ productId, available: 7, reserved: 2, sold: 0, stocked: 9 });
    const customer = await api.call('PUT', `inventory/${productId}`, { available: 100 }, { 'x-user-id': 'u1', 'x-user-roles': 'customer' });
    expect(customer.status).toBe(403);
    expect(customer.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await api.call('PUT', `inventory/${productId}`, { available: 100 })).status).toBe(401);
  });

  it('when input is malformed, then it is refused with 400 VALIDATION_FAILED and nothing changes', async () => {
    const productId = await api.product(3);
    for (const body of [{ available: -1 }, { available: 1.5 }, { available: '3' }, { available: 3, extra: true }, {}]) {
      const res = await api.call('PUT', `inventory/${productId}`, body, admin);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
    for (const body of [{ orderId: 'o', items: [] }, { orderId: 'o', items: [{ productId, quantity: 0 }] }, { items: [{ productId, quantity: 1 }] }]) {
      expect((await api.call('POST', 'reservations', body)).status, JSON.stringify(body)).toBe(400);
    }
    expect(await api.ledger(productId)).toMatchObject({ available: 3, reserved: 0, stocked: 3 });
  });
});
