// Accounts through the gateway: register, log in, /me, the seeded administrator, and every documented refusal.
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenTo } from '../inventory/event-listener.js';
import { eventually } from '../support/test-stack.js';
import { adminCredentials, expectedError, signingKey, startShop, type Shop } from './support/shop.js';

let shop: Shop;
beforeAll(async () => {
  shop = await startShop(['users']);
});
afterAll(async () => shop?.stop());

const sign = (claims: Record<string, unknown>, key = signingKey(), exp: number | string = '5m') =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject(String(claims.sub ?? 'usr-x')).setIssuer('commercex-users').setAudience('commercex-api').setIssuedAt().setExpirationTime(exp).sign(new TextEncoder().encode(key));

describe('accounts', () => {
  it('when someone registers, then 201 gives the customer account and a token that opens /me', async () => {
    const email = `Ada-${crypto.randomUUID()}@Example.com`;
    const res = await shop.api.call('POST', '/api/v1/auth/register', { body: { email, password: 'correct horse battery', name: 'Ada' } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ user: { id: expect.any(String), email: email.toLowerCase(), name: 'Ada', roles: ['customer'] }, accessToken: expect.any(String) });
    const me = await shop.api.call('GET', '/api/v1/me', { token: res.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toEqual(res.body.user);
  });

  it('when someone registers, then users.registered reaches its subscribers through Kafka', async () => {
    // notifications subscribes to users.registered; it does not run here, so its consumer group is ours.
    const listener = await listenTo('users.registered', 'notifications');
    try {
      const c = await shop.api.newCustomer('Evented');
      const event = await eventually('users.registered for the new account', async () => listener.received.find((e) => (e.data as { userId?: string }).userId === c.id), 60_000);
      expect(event.data).toEqual({ schemaVersion: 1, userId: c.id, email: c.email, name: 'Evented' });
    } finally {
      await listener.stop();
    }
  });

  it('when a registered customer logs in, then 200 gives the account and a fresh token', async () => {
    const c = await shop.api.newCustomer('Grace');
    const res = await shop.api.call('POST', '/api/v1/auth/login', { body: { email: c.email.toUpperCase(), password: c.password } });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: c.id, email: c.email, roles: ['customer'] });
    expect((await shop.api.call('GET', '/api/v1/me', { token: res.body.accessToken })).body.id).toBe(c.id);
  });

  it('when an email is registered twice, in any case, then the second is 409 EMAIL_TAKEN', async () => {
    const c = await shop.api.newCustomer();
    const res = await shop.api.call('POST', '/api/v1/auth/register', { body: { email: c.email.toUpperCase(), password: 'another password', name: 'Again' } });
    expect(res.status).toBe(409);
    expect(res.body).toEqual(expectedError('EMAIL_TAKEN'));
  });

  it('when the password is wrong or the email unknown, then 401 INVALID_CREDENTIALS either way', async () => {
    const c = await shop.api.newCustomer();
    for (const body of [{ email: c.email, password: 'wrong password' }, { email: `nobody-${crypto.randomUUID()}@example.com`, password: c.password }]) {
      const res = await shop.api.call('POST', '/api/v1/auth/login', { body });
      expect(res.status).toBe(401);
      expect(res.body).toEqual(expectedError('INVALID_CREDENTIALS'));
    }
  });

  it('when the administrator from the secret store logs in, then its roles include admin', async () => {
    const res = await shop.api.call('POST', '/api/v1/auth/login', { body: adminCredentials() });
    expect(res.status).toBe(200);
    expect(res.body.user.roles).toContain('admin');
  });
});

describe('access tokens on /me', () => {
  const unauthenticated = async (headers: Record<string, string>) => {
    const res = await shop.api.call('GET', '/api/v1/me', { headers });
    expect(res.status, JSON.stringify(headers)).toBe(401);
    expect(res.body).toEqual(expectedError('UNAUTHENTICATED'));
  };

  it('when there is no token or not a bearer one, then 401 UNAUTHENTICATED', async () => {
    await unauthenticated({});
    await unauthenticated({ authorization: 'Basic dXNlcjpwYXNz' });
    await unauthenticated({ authorization: 'Bearer' });
    await unauthenticated({ authorization: 'Bearer not.a.jwt' });
  });

  it('when the token has expired, then 401 UNAUTHENTICATED', async () => {
    const c = await shop.api.newCustomer();
    await unauthenticated({ authorization: `Bearer ${await sign({ sub: c.id, roles: ['customer'] }, signingKey(), Math.floor(Date.now() / 1000) - 5)}` });
  });

  it('when the token was tampered with, then 401 UNAUTHENTICATED', async () => {
    const c = await shop.api.newCustomer();
    const [header, payload, signature] = c.token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url');
    await unauthenticated({ authorization: `Bearer ${header}.${forged}.${signature}` });
  });

  it('when the token is signed with another key, then 401 UNAUTHENTICATED', async () => {
    const c = await shop.api.newCustomer();
    await unauthenticated({ authorization: `Bearer ${await sign({ sub: c.id, roles: ['customer'] }, 'some-other-key-that-is-long-enough-to-sign')}` });
  });

  it('when a validly signed token names an account that does not exist, then 401 UNAUTHENTICATED', async () => {
    await unauthenticated({ authorization: `Bearer ${await sign({ sub: 'usr-nobody', roles: ['customer'] })}` });
  });
});
