// Access tokens: HS256 JWTs with the key from the secret store, verified by the gateway with the same key.
import { accessToken, type Role } from '@commercex/contracts';
import { SignJWT } from 'jose';

export interface TokenSigner {
  sign(userId: string, roles: readonly Role[]): Promise<string>;
}

export function tokenSigner(signingKey: string, ttlSeconds: number): TokenSigner {
  const key = new TextEncoder().encode(signingKey);
  return {
    sign: (userId, roles) =>
      new SignJWT({ roles: [...roles] })
        .setProtectedHeader({ alg: accessToken.algorithm, typ: 'JWT' })
        .setSubject(userId)
        .setIssuer(accessToken.issuer)
        .setAudience(accessToken.audience)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(key),
  };
}
