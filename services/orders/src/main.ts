// Wiring only: configuration, clients, routes, the outbox relay, start and stop.
import { createHttpApp, createLogger, DaprSidecar, installProcessFaultHandlers, runService } from '@commercex/platform';
import { connectMongo } from '@commercex/platform/mongo';
import { loadOrdersConfig } from './config.js';
import { OrderRepository } from './data-access/order-repository.js';
import { orderRoutes } from './entry-points/http/order-routes.js';
import { createOutboxRelay } from './workers/outbox-relay.js';
import { outboxMetrics } from './workers/outbox-metrics.js';

const config = loadOrdersConfig();
const logger = createLogger({ service: config.SERVICE_NAME, level: config.LOG_LEVEL });
installProcessFaultHandlers(logger);

const mongo = await connectMongo(config.MONGODB_URI, 'orders');
const dapr = DaprSidecar.fromConfig(config);
const orders = new OrderRepository(mongo.connection);
const relay = createOutboxRelay(
  orders,
  (event) => dapr.publish(event.topic, event.data as never, { eventId: event.eventId }),
  logger,
  config.OUTBOX_POLL_MS,
);
outboxMetrics(() => orders.countPendingEvents());

const app = createHttpApp({
  service: config.SERVICE_NAME,
  version: process.env.npm_package_version ?? '0.1.0',
  logger,
  appApiToken: config.APP_API_TOKEN,
  readiness: { sidecar: () => dapr.healthz(), mongodb: () => mongo.ready() },
  routes: [orderRoutes(orders, () => void relay.drain().catch(() => undefined))],
});

await runService({
  app,
  port: config.APP_PORT,
  logger,
  shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  onStop: [() => relay.stop(), () => mongo.close()],
});
relay.start();
