// Wiring only: configuration, clients, subscriptions (events and dead letters), routes, the live feed, start and stop.
import { createHttpApp, createLogger, createSubscriptionRouter, DaprSidecar, installProcessFaultHandlers, runService } from '@commercex/platform';
import { connectMongo, MongoIdempotencyStore } from '@commercex/platform/mongo';
import { createRedis } from '@commercex/platform/redis';
import { loadNotificationsConfig } from './config.js';
import { DeadLetterRepository } from './data-access/dead-letter-repository.js';
import { LiveFeed } from './data-access/live-feed.js';
import { NotificationRepository } from './data-access/notification-repository.js';
import { deadLetterSubscriptions } from './entry-points/events/dead-letter-subscriptions.js';
import { subscribeNotificationHandlers } from './entry-points/events/notification-handlers.js';
import { deadLetterRoutes } from './entry-points/http/dead-letter-routes.js';
import { liveStreamRoutes } from './entry-points/http/live-stream-routes.js';
import { notificationRoutes } from './entry-points/http/notification-routes.js';
import { notificationMetrics } from './workers/notification-metrics.js';

const config = loadNotificationsConfig();
const logger = createLogger({ service: config.SERVICE_NAME, level: config.LOG_LEVEL });
installProcessFaultHandlers(logger);

const mongo = await connectMongo(config.MONGODB_URI, 'notifications');
const redis = createRedis(config.REDIS_URL);
const dapr = DaprSidecar.fromConfig(config);
const notifications = new NotificationRepository(mongo.connection);
const deadLetters = new DeadLetterRepository(mongo.connection);
const feed = new LiveFeed(redis.client, config.LIVE_CHANNEL, logger);
const streams = liveStreamRoutes({ heartbeatMs: config.SSE_HEARTBEAT_MS });
const metrics = notificationMetrics(streams.count);
await feed.start(streams.deliver);

const idempotency = MongoIdempotencyStore.forConnection(mongo.connection);
const subscriptions = subscribeNotificationHandlers(createSubscriptionRouter({ pubsubName: config.PUBSUB_NAME, idempotency, logger }), {
  notifications,
  feed,
  logger,
  onStored: metrics.stored,
});
const purge = setInterval(() => void idempotency.purgeHandledBefore().catch(() => undefined), 3_600_000).unref();

const app = createHttpApp({
  service: config.SERVICE_NAME,
  version: process.env.npm_package_version ?? '0.1.0',
  logger,
  appApiToken: config.APP_API_TOKEN,
  readiness: { sidecar: () => dapr.healthz(), mongodb: () => mongo.ready(), redis: () => redis.ready() },
  routes: [
    deadLetterSubscriptions({ pubsubName: config.PUBSUB_NAME, subscriptions, deadLetters, logger, onRecorded: metrics.deadLetter }),
    subscriptions.router,
    notificationRoutes(notifications),
    streams.router,
    deadLetterRoutes(deadLetters),
  ],
});

await runService({
  app,
  port: config.APP_PORT, host: config.APP_HOST,
  logger,
  shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  onStop: [async () => clearInterval(purge), () => feed.stop(), () => redis.close(), () => mongo.close()],
});
