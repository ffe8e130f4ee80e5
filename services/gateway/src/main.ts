// Wiring only: configuration, the sidecar, the signing key, Redis, security headers, limits, event streams, routes, start and stop.
import { createHttpApp, createLogger, DaprSidecar, installProcessFaultHandlers, runService } from '@commercex/platform';
import { createRedis } from '@commercex/platform/redis';
import { tokenVerifier } from './auth/token-verifier.js';
import { loadGatewayConfig, trustProxySetting } from './config.js';
import { readSigningKey } from './data-access/signing-key.js';
import { eventStreams } from './entry-points/http/event-streams.js';
import { openApiRoutes } from './entry-points/http/openapi-routes.js';
import { proxyRoutes } from './entry-points/http/proxy-routes.js';
import { securityHeaders } from './entry-points/http/security-headers.js';
import { rateLimits } from './rate-limit/rate-limits.js';

const config = loadGatewayConfig();
const logger = createLogger({ service: config.SERVICE_NAME, level: config.LOG_LEVEL });
installProcessFaultHandlers(logger);
const version = process.env.npm_package_version ?? '0.1.0';

const dapr = DaprSidecar.fromConfig(config);
await dapr.waitForSidecar();
const verify = tokenVerifier(await readSigningKey(dapr, config.SECRET_STORE));
const redis = createRedis(config.REDIS_URL);
const limits = rateLimits(redis.client, {
  ip: { points: config.RATE_LIMIT_IP_POINTS, windowSeconds: config.RATE_LIMIT_IP_WINDOW_SECONDS },
  user: { points: config.RATE_LIMIT_USER_POINTS, windowSeconds: config.RATE_LIMIT_USER_WINDOW_SECONDS },
  auth: { points: config.RATE_LIMIT_AUTH_POINTS, windowSeconds: config.RATE_LIMIT_AUTH_WINDOW_SECONDS },
}, logger);

const streams = eventStreams({
  open: (appId, method, request) => dapr.invokeStream(appId, method, request),
  openTimeoutMs: config.EVENT_STREAM_OPEN_TIMEOUT_MS,
  logger,
});
// Open event streams would hold the drain until its time is up: they end at once, and clients reconnect elsewhere.
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => streams.closeAll());

// The public entry point: clients call it directly, not through a sidecar, so APP_API_TOKEN is not required here.
const app = createHttpApp({
  service: config.SERVICE_NAME,
  version,
  logger,
  bodyLimit: config.BODY_LIMIT,
  readiness: { sidecar: () => dapr.healthz(), redis: () => redis.ready() },
  early: [securityHeaders(), limits.byIp],
  routes: [openApiRoutes(version), proxyRoutes({ dapr, verify, limitUser: limits.byUser, limitAuth: limits.forAuth, logger, streams })],
});
app.set('trust proxy', trustProxySetting(config.TRUST_PROXY));

await runService({ app, port: config.APP_PORT, host: config.APP_HOST, logger, shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS, onStop: [() => redis.close()] });
