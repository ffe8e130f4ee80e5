import { baseConfigSchema, loadConfig } from '@commercex/platform';
import { z } from 'zod';

export const configSchema = baseConfigSchema.extend({
  MONGODB_URI: z.string().min(1).describe('MongoDB connection string; the database is "payments"'),
  REFUND_RETRY_MS: z.coerce.number().int().positive().default(30_000).describe('how often refunds still owed for cancelled orders are tried again'),
  OUTBOX_POLL_MS: z.coerce.number().int().positive().default(1_000).describe('how often the outbox relay looks for events left unpublished (new ones are published at once)'),
});

export type Config = z.output<typeof configSchema>;

export const loadPaymentsConfig = (env: NodeJS.ProcessEnv = process.env): Config => loadConfig(configSchema, env);
