// Wiring only: configuration, clients, routes, subscriptions, the sweeper, the outbox relay, start and stop.
import { createHttpApp, createLogger, createOutboxRelay, createSubscriptionRouter, DaprSidecar, installProcessFaultHandlers, runService } from '@commercex/platform';
import { connectMongo, DocumentLocks, MongoIdempotencyStore } from '@commercex/platform/mongo';
import { loadInventoryConfig } from './config.js';
import { ReservationRepository } from './data-access/reservation-repository.js';
import { seedProductIds } from './data-access/seed-product-ids.js';
import { StockRepository } from './data-access/stock-repository.js';
import { subscribeOrderOutcomes } from './entry-points/events/order-outcome-handlers.js';
import { inventoryRoutes } from './entry-points/http/inventory-routes.js';
import { reservationRoutes } from './entry-points/http/reservation-routes.js';
import { inventoryMetrics } from './workers/inventory-metrics.js';
import { reservationSweeper } from './workers/reservation-sweeper.js';

const config = loadInventoryConfig();
const logger = createLogger({ service: config.SERVICE_NAME, level: config.LOG_LEVEL });
installProcessFaultHandlers(logger);

const mongo = await connectMongo(config.MONGODB_URI, 'inventory');
const dapr = DaprSidecar.fromConfig(config);
const locks = new DocumentLocks(mongo.connection);
const stock = new StockRepository(mongo.connection, locks);
const reservations = new ReservationRepository(mongo.connection, locks);
const deps = { stock, reservations, now: () => new Date() };
const metrics = inventoryMetrics(() => reservations.countPendingEvents());

const seeded = await stock.seedIfEmpty(seedProductIds, config.SEED_STOCK);
if (seeded > 0) logger.info({ products: seeded, units: config.SEED_STOCK }, 'seeded stock for the catalog seed products');

const relay = createOutboxRelay(reservations, (event) => dapr.publish(event.topic, event.data as never, { eventId: event.eventId }), logger, config.OUTBOX_POLL_MS);
const idempotency = MongoIdempotencyStore.forConnection(mongo.connection);
const sweeper = reservationSweeper(deps, {
  intervalMs: config.SWEEP_INTERVAL_MS,
  pendingTimeoutMs: config.PENDING_TIMEOUT_MS,
  settleGraceMs: config.SETTLE_GRACE_MS,
  auditIntervalMs: config.AUDIT_INTERVAL_MS,
  onExpired: () => {
    metrics.expired();
    void relay.drain().catch(() => undefined);
  },
  housekeeping: () => idempotency.purgeHandledBefore().then(() => undefined),
  logger,
});

const subscriptions = subscribeOrderOutcomes(createSubscriptionRouter({ pubsubName: config.PUBSUB_NAME, idempotency, logger }), deps);

const app = createHttpApp({
  service: config.SERVICE_NAME,
  version: process.env.npm_package_version ?? '0.1.0',
  logger,
  appApiToken: config.APP_API_TOKEN,
  readiness: { sidecar: () => dapr.healthz(), mongodb: () => mongo.ready() },
  routes: [subscriptions.router, inventoryRoutes(stock), reservationRoutes({ ...deps, ttlMs: config.RESERVATION_TTL_MS, onDecided: metrics.decided })],
});

await runService({
  app,
  port: config.APP_PORT, host: config.APP_HOST,
  logger,
  shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  onStop: [() => sweeper.stop(), () => relay.stop(), () => mongo.close()],
});
relay.start();
sweeper.start();
