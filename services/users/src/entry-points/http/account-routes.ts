// users' own HTTP API behind the gateway (through Dapr invocation); the caller of /users/me arrives in x-user-id.
import { unauthenticated, validate } from '@commercex/platform';
import { Router } from 'express';
import { z } from 'zod';
import type { UserRepository } from '../../data-access/user-repository.js';
import { viewOf } from '../../domain/user.js';
import type { AccountDeps } from '../../use-cases/account-deps.js';
import { logInUseCase } from '../../use-cases/log-in.js';
import { registerUseCase } from '../../use-cases/register-user.js';

// Password length is capped so one request cannot make hashing arbitrarily expensive.
const registerBody = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(8).max(200),
  name: z.string().trim().min(1).max(100),
});
const logInBody = z.strictObject({ email: z.string().min(1).max(254), password: z.string().min(1).max(200) });

export function accountRoutes(deps: AccountDeps & { users: UserRepository }): Router {
  const router = Router();

  router.post('/auth/register', validate({ body: registerBody }), async (req, res) => {
    res.status(201).json(await registerUseCase(req.body as z.output<typeof registerBody>, deps));
  });

  router.post('/auth/login', validate({ body: logInBody }), async (req, res) => {
    res.json(await logInUseCase(req.body as z.output<typeof logInBody>, deps));
  });

  router.get('/users/me', async (req, res) => {
    const userId = req.header('x-user-id');
    if (!userId) throw unauthenticated('x-user-id is required');
    const user = await deps.users.findById(userId);
    // A valid token for an account that is gone is no longer a way in.
    if (!user) throw unauthenticated('The account of this token no longer exists');
    res.json(viewOf(user));
  });

  return router;
}
