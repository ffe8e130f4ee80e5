import express, { type Express, type RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Registry } from 'prom-client';
import { notFound } from '../errors/app-error.js';
import { errorHandler } from '../errors/error-handler.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { appTokenCheck, openPaths } from './app-token-check.js';
import { isDraining } from './drain-state.js';
import { healthRoutes, type ReadinessCheck } from './health-routes.js';
import { httpMetricsMiddleware } from './http-metrics.js';
import { metricsRegistry } from './metrics-registry.js';
import { requestId, restoreRequestContext } from './request-id.js';

export interface HttpAppOptions {
  service: string;
  version: string;
  /** Defaults to a logger named after the service at level info. */
  logger?: Logger;
  /** Named checks behind /ready; each rejects when its dependency does not answer. */
  readiness?: Record<string, ReadinessCheck>;
  readinessTimeoutMs?: number;
  /** Largest JSON body accepted (express syntax, e.g. '100kb'); larger ones answer 413. */
  bodyLimit?: string | number;
  /** APP_API_TOKEN: when set, every route but /health, /ready and /metrics requires it in dapr-api-token. */
  appApiToken?: string | undefined;
  /** Mounted before the probes, the token check and body parsing (security headers, rate limits); they see every request. */
  early?: RequestHandler[];
  /** The service's routers and subscription router, mounted in order before the 404 fallback. */
  routes?: RequestHandler[];
  registry?: Registry;
}

// Dapr delivers events as application/cloudevents+json; they are JSON too.
const jsonTypes = ['application/json', 'application/*+json'];

/** The express app every service starts from: ids, logs, metrics, probes, JSON, token check, JSON errors. */
export function createHttpApp(options: HttpAppOptions): Express {
  const { service, version, registry = metricsRegistry } = options;
  const logger = options.logger ?? createLogger({ service });
  const app = express();
  app.disable('x-powered-by');

  app.use(requestId());
  app.use(httpMetricsMiddleware(registry));
  app.use((req, _res, next) => {
    // The base logger already adds the request id from the context; pino-http would bind it a second time.
    req.log = logger;
    next();
  });
  app.use(
    pinoHttp({
      logger,
      genReqId: (req) => req.id,
      autoLogging: { ignore: (req) => openPaths.has(new URL(req.url ?? '/', 'http://x').pathname) },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      serializers: {
        req: (req: { method: string; url: string; remoteAddress?: string }) => ({ method: req.method, url: req.url, remoteAddress: req.remoteAddress }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use((req, res, next) => {
    if (isDraining(req.app)) res.setHeader('Connection', 'close');
    next();
  });
  for (const handler of options.early ?? []) app.use(handler);
  app.use(
    healthRoutes({
      service,
      version,
      readiness: options.readiness ?? {},
      readinessTimeoutMs: options.readinessTimeoutMs ?? 2_000,
      registry,
      logger,
    }),
  );
  if (options.appApiToken) app.use(appTokenCheck(options.appApiToken));
  app.use(express.json({ limit: options.bodyLimit ?? '100kb', type: jsonTypes }));
  app.use(restoreRequestContext());
  for (const route of options.routes ?? []) app.use(route);
  app.use((req, _res, next) => next(notFound(`No route for ${req.method} ${req.path}`)));
  app.use(errorHandler(logger));
  return app;
}
