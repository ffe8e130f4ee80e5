import { baseConfigSchema, loadConfig } from '@commercex/platform';
import { z } from 'zod';

export const configSchema = baseConfigSchema.extend({
  MONGODB_URI: z.string().min(1).describe('MongoDB connection string; the database is "notifications"'),
  REDIS_URL: z.string().min(1).describe('Redis URL; live events fan out through its pub/sub so every replica can serve every user'),
  LIVE_CHANNEL: z.string().min(1).default('notifications:live').describe('Redis pub/sub channel carrying live events between replicas'),
  SSE_HEARTBEAT_MS: z.coerce.number().int().positive().default(15_000).describe('interval of the comment lines that keep idle event streams open'),
});

export type Config = z.output<typeof configSchema>;

export const loadNotificationsConfig = (env: NodeJS.ProcessEnv = process.env): Config => loadConfig(configSchema, env);
