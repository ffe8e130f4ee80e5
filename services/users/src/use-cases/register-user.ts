import { randomUUID } from 'node:crypto';
import type { Role } from '@commercex/contracts';
import { hashPassword } from '../auth/password-hasher.js';
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
  await deps.users.insert(user, passwordHash, event);
  deps.onNewEvent();
  return { user: viewOf(user), accessToken: await deps.tokens.sign(user.id, user.roles) };
}
