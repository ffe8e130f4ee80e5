import { baseConfigSchema, loadConfig } from '@commercex/platform';
import { z } from 'zod';

const positive = () => z.coerce.number().int().positive();

export const configSchema = baseConfigSchema.extend({
  REDIS_URL: z.string().min(1).describe('Redis for the rate limit counters, shared by every gateway replica'),
  SECRET_STORE: z.string().min(1).default('secretstore').describe('Dapr secret store holding the token signing key'),
  BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/).default('16kb').describe('largest request body; larger ones answer 413 (e.g. 16kb)'),
  RATE_LIMIT_IP_POINTS: positive().default(600).describe('requests one client IP may make per window'),
  RATE_LIMIT_IP_WINDOW_SECONDS: positive().default(60).describe('length of the per-IP window'),
  RATE_LIMIT_USER_POINTS: positive().default(300).describe('requests one signed-in user may make per window'),
  RATE_LIMIT_USER_WINDOW_SECONDS: positive().default(60).describe('length of the per-user window'),
  RATE_LIMIT_AUTH_POINTS: positive().default(30).describe('register and login attempts one client IP may make per window'),
  RATE_LIMIT_AUTH_WINDOW_SECONDS: positive().default(300).describe('length of the register/login window'),
  EVENT_STREAM_OPEN_TIMEOUT_MS: positive().default(5_000).describe('how long an event stream may take to open upstream before the client gets 503'),
  TRUST_PROXY: z.string().optional().describe("express 'trust proxy': unset trusts no proxy (the client IP is the peer); e.g. loopback, 1, 10.0.0.0/8"),
});

export type Config = z.output<typeof configSchema>;

export const loadGatewayConfig = (env: NodeJS.ProcessEnv = process.env): Config => loadConfig(configSchema, env);

/** The TRUST_PROXY text as express wants it: a boolean, a hop count, or addresses. */
export function trustProxySetting(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}
