import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { baseConfigSchema, ConfigError, envFlag, loadConfig } from '../src/index.js';

const schema = baseConfigSchema.extend({
  MONGO_URI: z.string().startsWith('mongodb://').describe('MongoDB connection string'),
  CACHE_ENABLED: envFlag().default(false).describe('use the Redis cache'),
});

const minimal = { SERVICE_NAME: 'orders', APP_PORT: '3004', MONGO_URI: 'mongodb://localhost/orders' };

describe('loadConfig', () => {
  it('when the environment is complete, then it returns typed values with defaults', () => {
    const config = loadConfig(schema, minimal);
    expect(config).toMatchObject({
      SERVICE_NAME: 'orders',
      APP_PORT: 3004,
      LOG_LEVEL: 'info',
      DAPR_HOST: '127.0.0.1',
      DAPR_HTTP_PORT: 3500,
      PUBSUB_NAME: 'pubsub',
      SHUTDOWN_TIMEOUT_MS: 10_000,
      CACHE_ENABLED: false,
      APP_HOST: '127.0.0.1',
    });
    expect(config.APP_API_TOKEN).toBeUndefined();
  });

  it('when it runs in production without APP_API_TOKEN, then it refuses to boot rather than answer anyone who reaches its port', () => {
    expect(() => loadConfig(schema, { ...minimal, NODE_ENV: 'production' })).toThrow(/APP_API_TOKEN: is missing/);
    expect(loadConfig(schema, { ...minimal, NODE_ENV: 'production', APP_API_TOKEN: 't0ken' }).APP_API_TOKEN).toBe('t0ken');
  });

  it('when several variables are wrong or missing, then one ConfigError names every one with its description', () => {
    const attempt = () => loadConfig(schema, { APP_PORT: 'eighty', LOG_LEVEL: 'loud', CACHE_ENABLED: 'yes' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (err) {
      const error = err as ConfigError;
      expect(error.problems.map((p) => p.variable).sort()).toEqual(['APP_PORT', 'CACHE_ENABLED', 'LOG_LEVEL', 'MONGO_URI', 'SERVICE_NAME']);
      expect(error.message).toContain('SERVICE_NAME: is missing — name of the service');
      expect(error.message).toContain('MONGO_URI: is missing — MongoDB connection string');
      expect(error.message).toMatch(/APP_PORT: is invalid: .* — port the app listens on/);
      expect(error.message).toContain('CACHE_ENABLED: is invalid');
    }
  });

  it('when a value is invalid, then the message does not echo it (it may be a secret)', () => {
    expect(() => loadConfig(schema, { ...minimal, MONGO_URI: 'postgres://user:s3cret@db' })).toThrow(/^(?![\s\S]*s3cret)/);
  });

  it('when a variable is set but empty, then it counts as unset and its default applies', () => {
    expect(loadConfig(schema, { ...minimal, DAPR_HOST: '', LOG_LEVEL: ' ' })).toMatchObject({ DAPR_HOST: '127.0.0.1', LOG_LEVEL: 'info' });
  });

  it('when only PORT is set, then it is read as APP_PORT; APP_PORT wins when both are', () => {
    const { APP_PORT: _unused, ...rest } = minimal;
    expect(loadConfig(schema, { ...rest, PORT: '8080' }).APP_PORT).toBe(8080);
    expect(loadConfig(schema, { ...minimal, PORT: '8080' }).APP_PORT).toBe(3004);
  });

  it('when a flag says "false", then it is false (not coerced to true)', () => {
    expect(loadConfig(schema, { ...minimal, CACHE_ENABLED: 'false' }).CACHE_ENABLED).toBe(false);
    expect(loadConfig(schema, { ...minimal, CACHE_ENABLED: '1' }).CACHE_ENABLED).toBe(true);
  });

  it('when tokens are given, then they are kept for the Dapr client and the app-token check', () => {
    const config = loadConfig(schema, { ...minimal, APP_API_TOKEN: 'app', DAPR_API_TOKEN: 'dapr' });
    expect([config.APP_API_TOKEN, config.DAPR_API_TOKEN]).toEqual(['app', 'dapr']);
  });
});
