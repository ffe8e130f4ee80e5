// Who is calling, as the verified access token says, and how the services behind the gateway learn it.
import type { Role } from '@commercex/contracts';

export interface Caller {
  userId: string;
  roles: Role[];
}

/** The token of an `Authorization: Bearer <token>` header; undefined for any other shape. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(header ?? '');
  return match?.[1];
}

export function isAdmin(caller: Caller): boolean {
  return caller.roles.includes('admin');
}

/** The services trust these only because nothing but the gateway can reach them (Dapr with the app token). */
export function callerHeaders(caller: Caller | undefined): Record<string, string> {
  return caller ? { 'x-user-id': caller.userId, 'x-user-roles': caller.roles.join(',') } : {};
}

/** Seconds a limited client should wait: at least 1, so Retry-After is never 0. */
export function retryAfterSeconds(msBeforeNext: number): number {
  return Math.max(1, Math.ceil(msBeforeNext / 1000));
}
