import { baseConfigSchema, loadConfig } from '@commercex/platform';
import { z } from 'zod';

export const configSchema = baseConfigSchema.extend({
  MONGODB_URI: z.string().min(1).describe('MongoDB connection string; the database is "payments"'),
});

export type Config = z.output<typeof configSchema>;

export const loadPaymentsConfig = (env: NodeJS.ProcessEnv = process.env): Config => loadConfig(configSchema, env);
