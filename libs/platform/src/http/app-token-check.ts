import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { unauthenticated } from '../errors/app-error.js';

export const appTokenHeader = 'dapr-api-token';
export const openPaths: ReadonlySet<string> = new Set(['/health', '/ready', '/metrics']);

/** Only the sidecar knows APP_API_TOKEN: every route but the probes and metrics must carry it. */
export function appTokenCheck(token: string): RequestHandler {
  const expected = Buffer.from(token);
  return (req, _res, next) => {
    if (openPaths.has(req.path)) return next();
    const given = Buffer.from(req.get(appTokenHeader) ?? '');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return next();
    next(unauthenticated(`Missing or wrong ${appTokenHeader}`));
  };
}
