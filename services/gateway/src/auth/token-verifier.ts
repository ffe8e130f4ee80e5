// Access tokens as users signs them: HS256 only (an alg=none or RS256 token is refused), our issuer and audience, not expired.
import { accessToken, accessTokenClaimsSchema } from '@commercex/contracts';
import { unauthenticated } from '@commercex/platform';
import { errors, jwtVerify } from 'jose';
import type { Caller } from '../domain/caller.js';

export type TokenVerifier = (token: string) => Promise<Caller>;

export function tokenVerifier(signingKey: string): TokenVerifier {
  const key = new TextEncoder().encode(signingKey);
  return async (token) => {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, key, { algorithms: [accessToken.algorithm], issuer: accessToken.issuer, audience: accessToken.audience, requiredClaims: ['exp', 'sub'] }));
    } catch (err) {
      if (err instanceof errors.JWTExpired) throw unauthenticated('The access token has expired');
      throw unauthenticated('The access token is not valid');
    }
    const claims = accessTokenClaimsSchema.safeParse(payload);
    if (!claims.success) throw unauthenticated('The access token is not valid');
    return { userId: claims.data.sub, roles: claims.data.roles };
  };
}
