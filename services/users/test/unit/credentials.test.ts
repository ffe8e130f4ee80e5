import { accessToken } from '@commercex/contracts';
import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/auth/password-hasher.js';
import { tokenSigner } from '../../src/auth/token-signer.js';

// The lowest cost the service accepts keeps these fast; the algorithm is the same at every cost.
const logN = 14;

describe('passwords and tokens', () => {
  it('when a password is hashed, then the hash names scrypt and its parameters and never contains the password', async () => {
    const hash = await hashPassword('correct horse', logN);
    expect(hash).toMatch(/^scrypt\$14\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(hash).not.toContain('correct horse');
  });

  it('when the same password is hashed twice, then the salts differ', async () => {
    expect(await hashPassword('same password', logN)).not.toBe(await hashPassword('same password', logN));
  });

  it('when the right password is checked, then it verifies, and a wrong one does not', async () => {
    const hash = await hashPassword('correct horse', logN);
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('correct horsf', hash)).toBe(false);
  });

  it('when a stored hash is malformed, then nothing verifies against it', async () => {
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
  });

  it('when a token is signed, then the key verifies it with the subject, roles, issuer and audience', async () => {
    const key = 'k'.repeat(40);
    const token = await tokenSigner(key, 600).sign('usr-1', ['admin']);
    const { payload, protectedHeader } = await jwtVerify(token, new TextEncoder().encode(key), { issuer: accessToken.issuer, audience: accessToken.audience });
    expect(protectedHeader.alg).toBe('HS256');
    expect(payload).toMatchObject({ sub: 'usr-1', roles: ['admin'] });
    expect(payload.exp! - payload.iat!).toBe(600);
  });
});
