import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPaymentProvider } from '../server.js';

const server = createPaymentProvider();
let base = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const charge = (key: string, token: string) =>
  fetch(`${base}/charges`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify({ amount: 700, currency: 'USD', token, orderId: `o-${key}` }) });
const refund = (key: string) => fetch(`${base}/charges/${encodeURIComponent(key)}/refund`, { method: 'POST' });

describe('payment-provider over HTTP', () => {
  it('when an approved charge is refunded, then it answers the refunded charge, again on a second refund, and GET shows it refunded', async () => {
    expect((await charge('r1', 'tok_visa')).status).toBe(200);
    const first = await refund('r1');
    expect(first.status).toBe(200);
    const body = (await first.json()) as { status: string; refundedAt: string };
    expect(body).toMatchObject({ status: 'refunded', idempotencyKey: 'r1' });
    expect(await (await refund('r1')).json()).toEqual(body);
    expect(await (await fetch(`${base}/charges/r1`)).json()).toEqual(body);
    expect(await (await fetch(`${base}/charges?orderId=o-r1`)).json()).toMatchObject({ items: [{ status: 'refunded', refundedAt: body.refundedAt }] });
  });

  it('when a declined charge is refunded, then 409 says why; an unknown key is 404', async () => {
    await charge('r2', 'tok_decline');
    const declined = await refund('r2');
    expect(declined.status).toBe(409);
    expect(await declined.json()).toMatchObject({ error: expect.stringMatching(/only an approved charge can be refunded; this one is declined/) });
    expect((await refund('missing')).status).toBe(404);
  });
});
