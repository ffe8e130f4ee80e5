// The caller as the gateway forwards it: x-user-id and x-user-roles (comma list).
import { forbidden, unauthenticated } from '@commercex/platform';
import type { Request } from 'express';

export function userIdOf(req: Request): string {
  const userId = req.header('x-user-id');
  if (!userId) throw unauthenticated('x-user-id is required');
  return userId;
}

export function requireAdmin(req: Request): void {
  userIdOf(req);
  const roles = (req.header('x-user-roles') ?? '').split(',').map((r) => r.trim());
  if (!roles.includes('admin')) throw forbidden('Only administrators may read dead letters');
}
