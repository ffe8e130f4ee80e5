// The caller as the gateway forwards it: x-user-id and x-user-roles (comma list).
import { forbidden, unauthenticated } from '@commercex/platform';
import type { Request, RequestHandler } from 'express';

export function requireAdmin(req: Request): void {
  if (!req.header('x-user-id')) throw unauthenticated('x-user-id is required');
  const roles = (req.header('x-user-roles') ?? '').split(',').map((r) => r.trim());
  if (!roles.includes('admin')) throw forbidden('Only administrators may change products');
}

export const adminOnly: RequestHandler = (req, _res, next) => {
  requireAdmin(req);
  next();
};
