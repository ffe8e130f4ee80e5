// Wiring only: configuration, clients, subscriptions, routes, the outbox relay, the refund worker, start and stop.
import { createHttpApp, createLogger, createOutboxRelay, createSubscriptionRouter, DaprSidecar, installProcessFaultHandlers, runService } from '@commercex/platform';
import { connectMongo, MongoIdempotencyStore } from '@commercex/platform/mongo';
import { loadPaymentsConfig } from './config.js';
import { bindingPaymentProvider } from './data-access/payment-provider.js';
import { daprOrderStatus } from './data-access/order-status.js';
import { PaymentRepository } from './data-access/payment-repository.js';
import { orderCancelledHandler } from './entry-points/events/order-cancelled-handler.js';
import { orderCreatedHandler } from './entry-points/events/order-created-handler.js';
import { paymentRoutes } from './entry-points/http/payment-routes.js';
import { createRefundWorker } from './workers/refund-worker.js';

const config = loadPaymentsConfig();
const logger = createLogger({ service: config.SERVICE_NAME, level: config.LOG_LEVEL });
installProcessFaultHandlers(logger);

const mongo = await connectMongo(config.MONGODB_URI, 'payments');
const dapr = DaprSidecar.fromConfig(config);
const payments = new PaymentRepository(mongo.connection);
const relay = createOutboxRelay(payments, (event) => dapr.publish(event.topic, event.data as never, { eventId: event.eventId }), logger, config.OUTBOX_POLL_MS);
const publishSoon = () => void relay.drain().catch(() => undefined);
const provider = bindingPaymentProvider(dapr);
const refunds = createRefundWorker({ payments, provider, logger }, config.REFUND_RETRY_MS);

const subscriptions = createSubscriptionRouter({
  pubsubName: config.PUBSUB_NAME,
  idempotency: MongoIdempotencyStore.forConnection(mongo.connection),
  logger,
})
  .on('orders.created', orderCreatedHandler({ payments, provider, orders: daprOrderStatus(dapr), logger, onNewEvent: publishSoon }))
  .on('orders.cancelled', orderCancelledHandler({ payments, provider, logger }));

const app = createHttpApp({
  service: config.SERVICE_NAME,
  version: process.env.npm_package_version ?? '0.1.0',
  logger,
  appApiToken: config.APP_API_TOKEN,
  readiness: { sidecar: () => dapr.healthz(), mongodb: () => mongo.ready() },
  routes: [subscriptions.router, paymentRoutes(payments)],
});

await runService({ app, port: config.APP_PORT, host: config.APP_HOST, logger, shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS, onStop: [() => relay.stop(), () => refunds.stop(), () => mongo.close()] });
relay.start();
refunds.start();
