import { appError } from '@commercex/platform';
import { burnPasswordCheck, verifyPassword } from '../auth/password-hasher.js';
import { normalizeEmail, viewOf, type UserView } from '../domain/user.js';
import type { AccountDeps } from './account-deps.js';

// One answer for an unknown email and a wrong password, so the API does not reveal who has an account.
const invalid = () => appError('INVALID_CREDENTIALS', 'The email or password is wrong');

export async function logInUseCase(input: { email: string; password: string }, deps: AccountDeps): Promise<{ user: UserView; accessToken: string }> {
  const stored = await deps.users.findByEmail(normalizeEmail(input.email));
  if (!stored) {
    await burnPasswordCheck(input.password, deps.scryptLogN);
    throw invalid();
  }
  if (!(await verifyPassword(input.password, stored.passwordHash))) throw invalid();
  return { user: viewOf(stored.user), accessToken: await deps.tokens.sign(stored.user.id, stored.user.roles) };
}
