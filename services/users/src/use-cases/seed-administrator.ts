import type { Logger } from '@commercex/platform';
import type { AdminCredentials } from '../data-access/secrets.js';
import { normalizeEmail } from '../domain/user.js';
import type { AccountDeps } from './account-deps.js';
import { registerUseCase } from './register-user.js';

/** Creates the administrator from the secret store once; a restart, or another replica that won the race, changes nothing. */
export async function seedAdministrator(credentials: AdminCredentials | undefined, deps: AccountDeps, logger: Logger): Promise<void> {
  if (!credentials) {
    logger.warn('no administrator secret in the secret store; none seeded');
    return;
  }
  if (await deps.users.findByEmail(normalizeEmail(credentials.email))) return;
  try {
    await registerUseCase({ ...credentials, name: 'Administrator', roles: ['admin', 'customer'] }, deps);
    logger.info({ email: credentials.email }, 'seeded the administrator');
  } catch (err) {
    if ((err as { code?: unknown }).code !== 'EMAIL_TAKEN') throw err;
  }
}
