import { randomUUID } from 'node:crypto';
import type { Role } from '@commercex/contracts';
import { isAppError } from '@commercex/platform';
import { hashPassword, verifyPassword } from '../auth/password-hasher.js';
import { registerUser, viewOf, type UserView } from '../domain/user.js';
import type { AccountDeps } from './account-deps.js';

export interface Registration {
  email: string;
  password: string;
  name: string;
  roles?: Role[];
}

export async function registerUseCase(input: Registration, deps: AccountDeps): Promise<{ user: UserView; accessToken: string }> {
  const passwordHash = await hashPassword(input.password, deps.scryptLogN);
  const { user, event } = registerUser({ id: `usr-${randomUUID()}`, email: input.email, name: input.name, ...(input.roles ? { roles: input.roles } : {}), now: new Date(), eventId: randomUUID() });
  try {
    await deps.users.insert(user, passwordHash, event);
  } catch (err) {
    if (!isAppError(err) || err.code !== 'EMAIL_TAKEN') throw err;
    // The caller's sidecar retries a registration that timed out although it went through: the same request again
    // (same name and password) is answered as the first was. Anyone else gets EMAIL_TAKEN.
    const stored = await deps.users.findByEmail(user.email);
    if (!stored || stored.user.name !== user.name || !(await verifyPassword(input.password, stored.passwordHash))) throw err;
    return { user: viewOf(stored.user), accessToken: await deps.tokens.sign(stored.user.id, stored.user.roles) };
  }
  deps.onNewEvent();
  return { user: viewOf(user), accessToken: await deps.tokens.sign(user.id, user.roles) };
}
