import { z } from 'zod';

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A TCP port from the environment; 0 lets the OS choose (tests). */
export const portSchema = z.coerce.number().int().min(0).max(65_535);

/** A boolean from the environment: only true/false/1/0, because z.coerce.boolean() turns "false" into true. */
export const envFlag = () => z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** What every service reads; extend it with `baseConfigSchema.extend({ ... })`. */
export const baseConfigSchema = z.object({
  SERVICE_NAME: z.string().min(1).describe('name of the service (its Dapr app id), used in logs and /health'),
  APP_PORT: portSchema.describe('port the app listens on (PORT is read when APP_PORT is unset)'),
  APP_HOST: z.string().min(1).default('127.0.0.1').describe('interface the app listens on: loopback, where only its sidecar reaches it; pods set 0.0.0.0 for the kubelet\'s probes'),
  NODE_ENV: z.string().optional().describe('production (the images set it) makes APP_API_TOKEN required'),
  LOG_LEVEL: z.enum(logLevels).default('info').describe(`log level, one of ${logLevels.join(', ')}`),
  DAPR_HOST: z.string().min(1).default('127.0.0.1').describe('host of the Dapr sidecar'),
  DAPR_HTTP_PORT: portSchema.default(3500).describe("HTTP port of the Dapr sidecar's API"),
  DAPR_API_TOKEN: z.string().min(1).optional().describe('token sent to the sidecar in dapr-api-token, when the sidecar requires one'),
  APP_API_TOKEN: z.string().min(1).optional().describe('token the sidecar sends to the app; when set, every route but /health, /ready and /metrics requires it'),
  PUBSUB_NAME: z.string().min(1).default('pubsub').describe('name of the Dapr pub/sub component'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000).describe('how long a graceful stop may take before the process is forced to exit'),
});

export type BaseConfig = z.output<typeof baseConfigSchema>;

/** A production process without APP_API_TOKEN would answer anyone who reaches its port: refused at boot, not left open. */
export function configProblems(config: Pick<BaseConfig, 'NODE_ENV' | 'APP_API_TOKEN'>): { variable: string; problem: string; description?: string }[] {
  if (config.NODE_ENV === 'production' && config.APP_API_TOKEN === undefined) {
    return [{ variable: 'APP_API_TOKEN', problem: 'is missing', description: 'required when NODE_ENV=production: the token only the sidecar sends (dapr.io/app-token-secret)' }];
  }
  return [];
}
