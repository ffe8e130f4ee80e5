// Limits per client IP and per user, with short windows so recovery can be watched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedError, startShop, type Shop } from './support/shop.js';

let shop: Shop;
beforeAll(async () => {
  // Behind a proxy on loopback: X-Forwarded-For names the client, so each test is its own client.
  shop = await startShop(['users'], {
    RATE_LIMIT_IP_POINTS: '5', RATE_LIMIT_IP_WINDOW_SECONDS: '2', RATE_LIMIT_USER_POINTS: '3', RATE_LIMIT_USER_WINDOW_SECONDS: '2',
    RATE_LIMIT_AUTH_POINTS: '3', RATE_LIMIT_AUTH_WINDOW_SECONDS: '2', TRUST_PROXY: 'loopback',
  });
});
afterAll(async () => shop?.stop());

let clients = 0;
const client = () => `198.51.100.${(clients++ % 254) + 1}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('rate limits', () => {
  it('when one IP exceeds its limit, then 429 RATE_LIMITED with Retry-After, other IPs are served, and it recovers after the window', async () => {
    const ip = client();
    const get = (from: string) => shop.api.call('GET', '/api/v1/openapi.json', { headers: { 'x-forwarded-for': from } });
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await get(ip));
    expect(answers.slice(0, 5).map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const limited = answers[5]!;
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual(expectedError('RATE_LIMITED'));
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(2);
    expect((await get(client())).status).toBe(200);
    await sleep(retryAfter * 1000 + 100);
    expect((await get(ip)).status).toBe(200);
  });

  it('when one user exceeds its limit, then that user gets 429 while another user from the same IP is served, until the window passes', async () => {
    const ip = client();
    const headers = { 'x-forwarded-for': ip };
    // Registration spends the IP's points, so each user is made from elsewhere.
    const a = await shop.api.newCustomerFrom(client());
    const b = await shop.api.newCustomerFrom(client());
    const me = (token: string) => shop.api.call('GET', '/api/v1/me', { token, headers });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await me(a.token)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await me(b.token)).status).toBe(200);
    await sleep(2_100);
    expect((await me(a.token)).status).toBe(200);
  });

  it('when one IP keeps guessing passwords, then login is 429 even with the right password until the window passes', async () => {
    const c = await shop.api.newCustomerFrom(client());
    const headers = { 'x-forwarded-for': client() };
    const login = (password: string) => shop.api.call('POST', '/api/v1/auth/login', { body: { email: c.email, password }, headers });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await login('a wrong guess')).status);
    const limited = await login(c.password);
    expect([...statuses, limited.status]).toEqual([401, 401, 401, 429]);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    await sleep(Number(limited.headers.get('retry-after')) * 1000 + 100);
    expect((await login(c.password)).status).toBe(200);
  });
});
