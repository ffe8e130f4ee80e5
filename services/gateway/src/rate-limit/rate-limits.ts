// Fixed-window limits in Redis (rate-limiter-flexible), shared by every gateway replica: per client IP on every
// request, per user on authenticated ones, and a stricter one per IP on register and login. If Redis fails, an
// in-memory limiter per replica stands in.
import { openPaths, rateLimited, type Logger } from '@commercex/platform';
import type { Redis } from 'ioredis';
import type { RequestHandler, Response } from 'express';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { callerOf } from '../auth/access-control.js';
import { rateLimitMetrics } from './rate-limit-metrics.js';
import { retryAfterSeconds } from '../domain/caller.js';

export interface LimitSettings {
  points: number;
  windowSeconds: number;
}

function limiter(redis: Redis, name: string, s: LimitSettings): RateLimiterRedis {
  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `gateway:rate:${name}`,
    points: s.points,
    duration: s.windowSeconds,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix: `gateway:rate:${name}`, points: s.points, duration: s.windowSeconds }),
  });
}

const refused = rateLimitMetrics();

function consume(l: RateLimiterRedis, name: string, key: string, res: Response, logger: Logger): Promise<void> {
  return l.consume(key).then(
    (r) => {
      res.setHeader('RateLimit-Limit', String(l.points));
      res.setHeader('RateLimit-Remaining', String(r.remainingPoints));
      res.setHeader('RateLimit-Reset', String(retryAfterSeconds(r.msBeforeNext)));
    },
    (rejection: unknown) => {
      if (rejection instanceof RateLimiterRes) {
        refused.inc({ limit: name });
        throw rateLimited(retryAfterSeconds(rejection.msBeforeNext));
      }
      // Neither Redis nor the stand-in answered: let the request through rather than fail it.
      logger.warn({ err: rejection }, 'rate limiter unavailable; request let through');
    },
  );
}

export function rateLimits(redis: Redis, settings: { ip: LimitSettings; user: LimitSettings; auth: LimitSettings }, logger: Logger) {
  const perIp = limiter(redis, 'ip', settings.ip);
  const perUser = limiter(redis, 'user', settings.user);
  const perIpForAuth = limiter(redis, 'auth', settings.auth);
  const byIp: RequestHandler = async (req, res, next) => {
    if (openPaths.has(req.path)) return next();
    await consume(perIp, 'ip', req.ip ?? 'unknown', res, logger);
    next();
  };
  const byUser: RequestHandler = async (_req, res, next) => {
    const caller = callerOf(res);
    if (caller) await consume(perUser, 'user', caller.userId, res, logger);
    next();
  };
  const forAuth: RequestHandler = async (req, res, next) => {
    await consume(perIpForAuth, 'auth', req.ip ?? 'unknown', res, logger);
    next();
  };
  return { byIp, byUser, forAuth };
}
