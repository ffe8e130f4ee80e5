// Starts the shopping services from their build output beside real daprd sidecars, and talks to the gateway over HTTP.
import { expect } from 'vitest';
import type { RunningService } from '../../../dev/stack/service-process.js';
import { Api } from '../../support/api-client.js';
import { startServices } from '../../support/start-services.js';

export { Api, adminCredentials, signingKey, type CallOptions, type Reply } from '../../support/api-client.js';

export type ShopService = 'users' | 'catalog' | 'cart';

// Limits far above what a test sends, except in the rate-limit tests; scrypt at its lowest accepted cost keeps runs short.
export const roomyLimits = { RATE_LIMIT_IP_POINTS: '100000', RATE_LIMIT_USER_POINTS: '100000', RATE_LIMIT_AUTH_POINTS: '100000' };
export const fastHashing = { SCRYPT_LOG_N: '14' };

export interface Shop {
  gateway: RunningService;
  services: RunningService[];
  api: Api;
  stop(): Promise<void>;
}

export async function startShop(parts: readonly ShopService[], gatewayEnv: Record<string, string> = {}): Promise<Shop> {
  const running = await startServices([{ name: 'gateway', env: { ...roomyLimits, ...gatewayEnv } }, ...parts.map((name) => ({ name, env: fastHashing }))]);
  const [gateway, ...services] = running as [RunningService, ...RunningService[]];
  return { gateway, services, api: new Api(gateway.url), stop: async () => void (await Promise.all(running.map((s) => s.stop()))) };
}

export const expectedError = (code: string) => ({ error: expect.objectContaining({ code, message: expect.any(String) }) });
