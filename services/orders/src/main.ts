// Wiring only: configuration, clients, routes, subscriptions, the outbox relay, start and stop.
import { createHttpApp, createLogger, createOutboxRelay, createSubscriptionRouter, DaprSidecar, installProcessFaultHandlers, runService } from '@commercex/platform';
import { connectMongo, MongoIdempotencyStore } from '@commercex/platform/mongo';
import { loadOrdersConfig } from './config.js';
import { daprShop } from './data-access/dapr-shop.js';
import { IdempotencyKeyRepository } from './data-access/idempotency-key-repository.js';
import { OrderRepository } from './data-access/order-repository.js';
import { subscribeSagaHandlers } from './entry-points/events/saga-handlers.js';
import { orderRoutes } from './entry-points/http/order-routes.js';
import { outboxMetrics } from './workers/outbox-metrics.js';

const config = loadOrdersConfig();
const logger = createLogger({ service: config.SERVICE_NAME, level: config.LOG_LEVEL });
installProcessFaultHandlers(logger);

const mongo = await connectMongo(config.MONGODB_URI, 'orders');
const dapr = DaprSidecar.fromConfig(config);
const orders = new OrderRepository(mongo.connection);
const relay = createOutboxRelay(orders, (event) => dapr.publish(event.topic, event.data as never, { eventId: event.eventId }), logger, config.OUTBOX_POLL_MS);
const publishSoon = () => void relay.drain().catch(() => undefined);
outboxMetrics(() => orders.countPendingEvents());

const subscriptions = subscribeSagaHandlers(
  createSubscriptionRouter({ pubsubName: config.PUBSUB_NAME, idempotency: MongoIdempotencyStore.forConnection(mongo.connection), logger }),
  orders,
  publishSoon,
);

const app = createHttpApp({
  service: config.SERVICE_NAME,
  version: process.env.npm_package_version ?? '0.1.0',
  logger,
  appApiToken: config.APP_API_TOKEN,
  readiness: { sidecar: () => dapr.healthz(), mongodb: () => mongo.ready() },
  routes: [subscriptions.router, orderRoutes({ orders, keys: new IdempotencyKeyRepository(mongo.connection), shop: daprShop(dapr), onNewEvent: publishSoon })],
});

await runService({
  app,
  port: config.APP_PORT, host: config.APP_HOST,
  logger,
  shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  onStop: [() => relay.stop(), () => mongo.close()],
});
relay.start();
