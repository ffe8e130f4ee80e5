import { conflict } from '@commercex/platform';
import { describe, expect, it } from 'vitest';
import type { StoredUser, UserRepository } from '../../src/data-access/user-repository.js';
import type { User } from '../../src/domain/user.js';
import { registerUseCase } from '../../src/use-cases/register-user.js';

/** The repository's register path in memory, with the unique email the real one has. */
function accounts() {
  const byEmail = new Map<string, StoredUser>();
  const repo = {
    async insert(user: User, passwordHash: string) {
      if (byEmail.has(user.email)) throw conflict('EMAIL_TAKEN', 'An account with this email already exists');
      byEmail.set(user.email, { user, passwordHash });
    },
    findByEmail: async (email: string) => byEmail.get(email),
  };
  return { byEmail, deps: { users: repo as unknown as UserRepository, tokens: { sign: async (id: string) => `token-for-${id}` }, scryptLogN: 14, onNewEvent: () => undefined } };
}

describe('registering', () => {
  it('when the same registration arrives again (a retried call that went through), then it is answered with the same account', async () => {
    const { byEmail, deps } = accounts();
    const request = { email: 'Ada@Example.com', password: 'a long enough password', name: 'Ada' };
    const first = await registerUseCase(request, deps);
    const again = await registerUseCase(request, deps);
    expect(again).toEqual({ user: first.user, accessToken: `token-for-${first.user.id}` });
    expect(byEmail.size).toBe(1);
  });

  it('when the email is taken with another password or name, then it is EMAIL_TAKEN', async () => {
    const { deps } = accounts();
    await registerUseCase({ email: 'ada@example.com', password: 'a long enough password', name: 'Ada' }, deps);
    await expect(registerUseCase({ email: 'ADA@example.com', password: 'another password', name: 'Ada' }, deps)).rejects.toMatchObject({ code: 'EMAIL_TAKEN' });
    await expect(registerUseCase({ email: 'ada@example.com', password: 'a long enough password', name: 'Eve' }, deps)).rejects.toMatchObject({ code: 'EMAIL_TAKEN' });
  });
});
