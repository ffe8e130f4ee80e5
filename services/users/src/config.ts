import { baseConfigSchema, loadConfig } from '@commercex/platform';
import { z } from 'zod';

export const configSchema = baseConfigSchema.extend({
  MONGODB_URI: z.string().min(1).describe('MongoDB connection string; the database is "users"'),
  SECRET_STORE: z.string().min(1).default('secretstore').describe('Dapr secret store holding the signing key and the administrator'),
  ADMIN_SECRET: z.string().min(1).default('admin').describe('secret with the seeded administrator (email, password); none seeds nobody'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3_600).describe('lifetime of an access token'),
  SCRYPT_LOG_N: z.coerce.number().int().min(14).max(20).default(17).describe('scrypt cost as log2(N) for new password hashes (OWASP: 17)'),
  OUTBOX_POLL_MS: z.coerce.number().int().positive().default(500).describe('how often the outbox relay looks for unpublished events'),
});

export type Config = z.output<typeof configSchema>;

export const loadUsersConfig = (env: NodeJS.ProcessEnv = process.env): Config => loadConfig(configSchema, env);
