import { baseConfigSchema, loadConfig } from '@commercex/platform';
import { z } from 'zod';

export const configSchema = baseConfigSchema.extend({
  STATE_STORE: z.string().min(1).default('statestore').describe('Dapr state store holding the carts (needs ETag support)'),
  CART_SAVE_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(40).describe('how often one change is re-applied when other changes to the same cart win'),
  CART_TTL_SECONDS: z.coerce.number().int().min(60).default(30 * 24 * 3600).describe('an untouched cart is forgotten after this long'),
});

export type Config = z.output<typeof configSchema>;

export const loadCartConfig = (env: NodeJS.ProcessEnv = process.env): Config => loadConfig(configSchema, env);
