import { z } from 'zod';

// users signs access tokens and the gateway verifies them: both read the key from the secret store and agree on these.
export const accessToken = {
  algorithm: 'HS256',
  issuer: 'commercex-users',
  audience: 'commercex-api',
  /** Name of the secret (and of its one value) holding the HMAC key. */
  signingKeySecret: 'jwt-signing-key',
} as const;

export const roleSchema = z.enum(['customer', 'admin']);
export type Role = z.infer<typeof roleSchema>;

/** The claims users puts in an access token besides iss, aud, iat and exp. */
export const accessTokenClaimsSchema = z.object({
  sub: z.string().min(1).max(200),
  roles: z.array(roleSchema).max(10),
});
export type AccessTokenClaims = z.infer<typeof accessTokenClaimsSchema>;
