import { Router } from 'express';
import type { Registry } from 'prom-client';
import type { Logger } from '../logging/logger.js';
import { isDraining } from './drain-state.js';

export type ReadinessCheck = () => Promise<void>;

export interface HealthRoutesOptions {
  service: string;
  version: string;
  readiness: Record<string, ReadinessCheck>;
  readinessTimeoutMs: number;
  registry: Registry;
  logger: Logger;
}

/** /health (alive), /ready (dependencies answer), /metrics (Prometheus). */
export function healthRoutes(options: HealthRoutesOptions): Router {
  const { service, version, readiness, readinessTimeoutMs, registry, logger } = options;
  const router = Router();

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok', service, version, uptime: Math.round(process.uptime()) });
  });

  router.get('/ready', async (req, res) => {
    if (isDraining(req.app)) {
      res.status(503).json({ status: 'unavailable', failed: ['shutting-down'] });
      return;
    }
    const failed = await failingChecks(readiness, readinessTimeoutMs, logger);
    if (failed.length > 0) res.status(503).json({ status: 'unavailable', failed });
    else res.json({ status: 'ok' });
  });

  router.get('/metrics', async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });

  return router;
}

async function failingChecks(checks: Record<string, ReadinessCheck>, timeoutMs: number, logger: Logger): Promise<string[]> {
  const results = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      try {
        await withTimeout(check(), timeoutMs, name);
        return undefined;
      } catch (err) {
        logger.warn({ check: name, err }, 'readiness check failed');
        return name;
      }
    }),
  );
  return results.filter((name): name is string => name !== undefined);
}

function withTimeout(promise: Promise<void>, ms: number, name: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
