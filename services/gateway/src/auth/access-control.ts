// Route guards: a verified caller for user routes, an administrator for admin routes.
import { forbidden, unauthenticated } from '@commercex/platform';
import type { RequestHandler, Response } from 'express';
import type { Access } from '../api/route-definition.js';
import { bearerToken, isAdmin, type Caller } from '../domain/caller.js';
import type { TokenVerifier } from './token-verifier.js';

export function callerOf(res: Response): Caller | undefined {
  return res.locals.caller as Caller | undefined;
}

export function accessControl(access: Access, verify: TokenVerifier): RequestHandler[] {
  if (access === 'public') return [];
  const authenticate: RequestHandler = async (req, res, next) => {
    const token = bearerToken(req.get('authorization'));
    if (!token) throw unauthenticated('An access token is required: Authorization: Bearer <token>');
    res.locals.caller = await verify(token);
    next();
  };
  if (access === 'user') return [authenticate];
  const adminOnly: RequestHandler = (_req, res, next) => {
    if (!isAdmin(callerOf(res)!)) throw forbidden('Only administrators may do this');
    next();
  };
  return [authenticate, adminOnly];
}
