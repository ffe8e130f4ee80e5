// Wiring only: configuration, the sidecar, routes, the orders.created subscription, start and stop.
import { createHttpApp, createLogger, createSubscriptionRouter, DaprSidecar, installProcessFaultHandlers, runService } from '@commercex/platform';
import { loadCartConfig } from './config.js';
import { CartStore } from './data-access/cart-store.js';
import { daprCatalog } from './data-access/catalog-client.js';
import { StateIdempotencyStore } from './data-access/state-idempotency-store.js';
import { orderCreatedHandler } from './entry-points/events/order-created-handler.js';
import { cartRoutes } from './entry-points/http/cart-routes.js';

const config = loadCartConfig();
const logger = createLogger({ service: config.SERVICE_NAME, level: config.LOG_LEVEL });
installProcessFaultHandlers(logger);

const dapr = DaprSidecar.fromConfig(config);
await dapr.waitForSidecar();
const deps = { carts: new CartStore(dapr, config.STATE_STORE, config.CART_TTL_SECONDS), attempts: config.CART_SAVE_ATTEMPTS, logger };

const subscriptions = createSubscriptionRouter({
  pubsubName: config.PUBSUB_NAME,
  idempotency: new StateIdempotencyStore(dapr, config.STATE_STORE),
  logger,
}).on('orders.created', orderCreatedHandler(deps));

const app = createHttpApp({
  service: config.SERVICE_NAME,
  version: process.env.npm_package_version ?? '0.1.0',
  logger,
  appApiToken: config.APP_API_TOKEN,
  readiness: { sidecar: () => dapr.healthz() },
  routes: [subscriptions.router, cartRoutes({ ...deps, catalog: daprCatalog(dapr) })],
});

await runService({ app, port: config.APP_PORT, host: config.APP_HOST, logger, shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS });
