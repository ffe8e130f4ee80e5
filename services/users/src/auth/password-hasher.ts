// Passwords hashed with scrypt (memory-hard, in node:crypto); the parameters travel in the hash so the cost can grow later.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const keyLength = 32;
const r = 8;
const p = 1;

function derive(password: string, salt: Buffer, logN: number): Promise<Buffer> {
  const N = 2 ** logN;
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** `scrypt$<logN>$<r>$<p>$<salt>$<hash>`, base64url parts. */
export async function hashPassword(password: string, logN: number): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, logN);
  return ['scrypt', logN, r, p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, storedR, storedP, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash || Number(storedR) !== r || Number(storedP) !== p) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), Number(logN));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Hashing on a miss too, so a login for an unknown email takes as long as one with a wrong password. */
export async function burnPasswordCheck(password: string, logN: number): Promise<void> {
  await derive(password, Buffer.alloc(16), logN);
}
