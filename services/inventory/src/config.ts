import { baseConfigSchema, loadConfig } from '@commercex/platform';
import { z } from 'zod';

const ms = () => z.coerce.number().int().positive();

export const configSchema = baseConfigSchema.extend({
  MONGODB_URI: z.string().min(1).describe('MongoDB connection string; the database is "inventory"'),
  RESERVATION_TTL_MS: ms().default(15 * 60_000).describe('how long a reservation holds stock before it expires unless the order is settled'),
  SWEEP_INTERVAL_MS: ms().default(1_000).describe('how often expired, abandoned and half-settled reservations are looked for'),
  PENDING_TIMEOUT_MS: ms().default(30_000).describe('age at which a reservation still PENDING is taken as left by a request that died, and undone'),
  SETTLE_GRACE_MS: ms().default(5_000).describe('how long a state change may take to reach the stock before the sweeper finishes it'),
  AUDIT_INTERVAL_MS: ms().default(60_000).describe('how often stock holds are checked against their reservations'),
  OUTBOX_POLL_MS: ms().default(1_000).describe('how often the outbox relay looks for events left unpublished (new ones are published at once)'),
  SEED_STOCK: z.coerce.number().int().min(0).default(100).describe('units each seed product gets when the stock collection is empty (a fresh self-hosted stack); 0 seeds nothing'),
});

export type Config = z.output<typeof configSchema>;

export const loadInventoryConfig = (env: NodeJS.ProcessEnv = process.env): Config => loadConfig(configSchema, env);
