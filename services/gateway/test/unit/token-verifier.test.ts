import { accessToken } from '@commercex/contracts';
import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { tokenVerifier } from '../../src/auth/token-verifier.js';

const key = 'a-signing-key-of-at-least-thirty-two-characters';
const verify = tokenVerifier(key);

function token(claims: Record<string, unknown> = { roles: ['customer'] }, options: { key?: string; exp?: string | number; issuer?: string } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('usr-1')
    .setIssuer(options.issuer ?? accessToken.issuer)
    .setAudience(accessToken.audience)
    .setIssuedAt()
    .setExpirationTime(options.exp ?? '5m')
    .sign(new TextEncoder().encode(options.key ?? key));
}

const rejection = (t: string) => verify(t).then(() => undefined, (err: { code: string; status: number; message: string }) => err);

describe('access token verification', () => {
  it('when a token is signed with the key, then the caller is its subject with its roles', async () => {
    expect(await verify(await token({ roles: ['admin'] }))).toEqual({ userId: 'usr-1', roles: ['admin'] });
  });

  it('when a token has expired, then it is refused as UNAUTHENTICATED saying so', async () => {
    expect(await rejection(await token(undefined, { exp: Math.floor(Date.now() / 1000) - 60 }))).toMatchObject({ code: 'UNAUTHENTICATED', status: 401, message: expect.stringMatching(/expired/) });
  });

  it('when a token is signed with another key, then it is refused', async () => {
    expect(await rejection(await token(undefined, { key: 'another-key-of-at-least-thirty-two-characters' }))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('when a token payload is tampered with, then it is refused', async () => {
    const [header, , signature] = (await token()).split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'usr-1', roles: ['admin'], iss: accessToken.issuer, aud: accessToken.audience, exp: 9_999_999_999 })).toString('base64url');
    expect(await rejection(`${header}.${forged}.${signature}`)).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('when a token is unsigned (alg none), then it is refused', async () => {
    const unsigned = new UnsecuredJWT({ roles: ['admin'] }).setSubject('usr-1').setIssuer(accessToken.issuer).setAudience(accessToken.audience).setExpirationTime('5m').encode();
    expect(await rejection(unsigned)).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('when a token comes from another issuer or lacks roles, then it is refused', async () => {
    expect(await rejection(await token(undefined, { issuer: 'someone-else' }))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await rejection(await token({}))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('when the token is not a JWT at all, then it is refused', async () => {
    expect(await rejection('not-a-token')).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
