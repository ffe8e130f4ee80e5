import { describe, expect, it } from 'vitest';
import { trustProxySetting } from '../../src/config.js';
import { bearerToken, callerHeaders, isAdmin, retryAfterSeconds } from '../../src/domain/caller.js';

describe('callers', () => {
  it('when the Authorization header is a bearer token, then the token is taken', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer  abc.def')).toBe('abc.def');
  });

  it('when the Authorization header is missing, empty or another scheme, then there is no token', () => {
    for (const header of [undefined, '', 'Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'Bearer a b', 'Token abc']) expect(bearerToken(header)).toBeUndefined();
  });

  it('when a caller is passed on, then the services get its id and roles', () => {
    expect(callerHeaders({ userId: 'usr-1', roles: ['customer', 'admin'] })).toEqual({ 'x-user-id': 'usr-1', 'x-user-roles': 'customer,admin' });
    expect(callerHeaders(undefined)).toEqual({});
  });

  it('when a caller has the admin role, then it is an administrator, and otherwise not', () => {
    expect(isAdmin({ userId: 'a', roles: ['admin'] })).toBe(true);
    expect(isAdmin({ userId: 'c', roles: ['customer'] })).toBe(false);
  });

  it('when a limit resets in under a second, then Retry-After still says 1', () => {
    expect(retryAfterSeconds(1)).toBe(1);
    expect(retryAfterSeconds(0)).toBe(1);
    expect(retryAfterSeconds(2_001)).toBe(3);
  });

  it('when TRUST_PROXY is a count, a flag or addresses, then express gets a number, a boolean or the text', () => {
    expect(trustProxySetting(undefined)).toBe(false);
    expect(trustProxySetting('true')).toBe(true);
    expect(trustProxySetting('2')).toBe(2);
    expect(trustProxySetting('loopback')).toBe('loopback');
  });
});
