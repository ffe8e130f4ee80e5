import { baseConfigSchema, envFlag, loadConfig } from '@commercex/platform';
import { z } from 'zod';

export const configSchema = baseConfigSchema.extend({
  MONGODB_URI: z.string().min(1).describe('MongoDB connection string; the database is "catalog"'),
  REDIS_URL: z.string().min(1).describe('Redis for the product cache, shared by every replica'),
  CACHE_FRESH_MS: z.coerce.number().int().positive().default(60_000).describe('how long a cached product is served as fresh'),
  CACHE_STALE_MS: z.coerce.number().int().min(0).default(600_000).describe('how long after that it is served stale while one reader refreshes it'),
  SEED_PRODUCTS: envFlag().default(true).describe('insert the seed products when the collection is empty (true/false)'),
  OUTBOX_POLL_MS: z.coerce.number().int().positive().default(500).describe('how often the outbox relay looks for unpublished events'),
});

export type Config = z.output<typeof configSchema>;

export const loadCatalogConfig = (env: NodeJS.ProcessEnv = process.env): Config => loadConfig(configSchema, env);
