import { describe, expect, it } from 'vitest';
import { normalizeEmail, registerUser, viewOf } from '../../src/domain/user.js';

const now = new Date('2026-01-01T00:00:00Z');

describe('accounts', () => {
  it('when an email differs only in case and blanks, then it normalizes to the same address', () => {
    expect(normalizeEmail('  Ada@Example.COM ')).toBe(normalizeEmail('ada@example.com'));
  });

  it('when someone registers, then the account is a customer and its users.registered event names it', () => {
    const { user, event } = registerUser({ id: 'usr-1', email: 'Ada@Example.com', name: ' Ada ', now, eventId: 'e1' });
    expect(user).toEqual({ id: 'usr-1', email: 'ada@example.com', name: 'Ada', roles: ['customer'], createdAt: now.toISOString() });
    expect(event).toEqual({ eventId: 'e1', topic: 'users.registered', data: { schemaVersion: 1, userId: 'usr-1', email: 'ada@example.com', name: 'Ada' } });
  });

  it('when an administrator is registered, then its roles include admin', () => {
    expect(registerUser({ id: 'usr-2', email: 'a@b.c', name: 'A', roles: ['admin'], now, eventId: 'e2' }).user.roles).toEqual(['admin']);
  });

  it('when an account is shown, then only id, email, name and roles appear', () => {
    const { user } = registerUser({ id: 'usr-1', email: 'a@b.c', name: 'A', now, eventId: 'e1' });
    expect(Object.keys(viewOf(user)).sort()).toEqual(['email', 'id', 'name', 'roles']);
  });
});
