// Wiring only: configuration, clients, subscriptions, routes, start and stop.
import { createHttpApp, createLogger, createSubscriptionRouter, DaprSidecar, installProcessFaultHandlers, runService } from '@commercex/platform';
import { connectMongo, MongoIdempotencyStore } from '@commercex/platform/mongo';
import { loadPaymentsConfig } from './config.js';
import { PaymentRepository } from './data-access/payment-repository.js';
import { orderCreatedHandler } from './entry-points/events/order-created-handler.js';
import { paymentRoutes } from './entry-points/http/payment-routes.js';

const config = loadPaymentsConfig();
const logger = createLogger({ service: config.SERVICE_NAME, level: config.LOG_LEVEL });
installProcessFaultHandlers(logger);

const mongo = await connectMongo(config.MONGODB_URI, 'payments');
const dapr = DaprSidecar.fromConfig(config);
const payments = new PaymentRepository(mongo.connection);

const subscriptions = createSubscriptionRouter({
  pubsubName: config.PUBSUB_NAME,
  idempotency: MongoIdempotencyStore.forConnection(mongo.connection),
  logger,
}).on('orders.created', orderCreatedHandler(payments));

const app = createHttpApp({
  service: config.SERVICE_NAME,
  version: process.env.npm_package_version ?? '0.1.0',
  logger,
  appApiToken: config.APP_API_TOKEN,
  readiness: { sidecar: () => dapr.healthz(), mongodb: () => mongo.ready() },
  routes: [subscriptions.router, paymentRoutes(payments)],
});

await runService({ app, port: config.APP_PORT, logger, shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS, onStop: [() => mongo.close()] });
