// Wiring only: configuration, clients, the seed, the cache, routes, the subscription, the outbox relay, start and stop.
import { createHttpApp, createLogger, createOutboxRelay, createSubscriptionRouter, DaprSidecar, installProcessFaultHandlers, runService } from '@commercex/platform';
import { connectMongo } from '@commercex/platform/mongo';
import { createRedis, RedisIdempotencyStore } from '@commercex/platform/redis';
import { loadCatalogConfig } from './config.js';
import { cacheMetrics } from './data-access/cache-metrics.js';
import { ProductCache } from './data-access/product-cache.js';
import { productModel } from './data-access/product-model.js';
import { ProductRepository } from './data-access/product-repository.js';
import { seedProducts } from './data-access/seed-products.js';
import { productChangedHandler } from './entry-points/events/product-changed-handler.js';
import { productRoutes } from './entry-points/http/product-routes.js';

const config = loadCatalogConfig();
const logger = createLogger({ service: config.SERVICE_NAME, level: config.LOG_LEVEL });
installProcessFaultHandlers(logger);

const mongo = await connectMongo(config.MONGODB_URI, 'catalog');
const redis = createRedis(config.REDIS_URL);
const dapr = DaprSidecar.fromConfig(config);
const products = new ProductRepository(await productModel(mongo.connection));
if (config.SEED_PRODUCTS) {
  const seeded = await products.seedIfEmpty(seedProducts, new Date());
  if (seeded > 0) logger.info({ products: seeded }, 'seeded the catalog');
}
const cache = new ProductCache(redis.client, { freshMs: config.CACHE_FRESH_MS, staleMs: config.CACHE_STALE_MS, metrics: cacheMetrics(), logger });
const relay = createOutboxRelay(products, (event) => dapr.publish(event.topic, event.data as never, { eventId: event.eventId }), logger, config.OUTBOX_POLL_MS);

const subscriptions = createSubscriptionRouter({
  pubsubName: config.PUBSUB_NAME,
  idempotency: new RedisIdempotencyStore(redis.client, config.SERVICE_NAME),
  logger,
}).on('catalog.product-changed', productChangedHandler(cache));

const app = createHttpApp({
  service: config.SERVICE_NAME,
  version: process.env.npm_package_version ?? '0.1.0',
  logger,
  appApiToken: config.APP_API_TOKEN,
  readiness: { sidecar: () => dapr.healthz(), mongodb: () => mongo.ready(), redis: () => redis.ready() },
  routes: [subscriptions.router, productRoutes({ products, cache, logger, onNewEvent: () => void relay.drain().catch(() => undefined) })],
});

await runService({
  app,
  port: config.APP_PORT, host: config.APP_HOST,
  logger,
  shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  onStop: [() => relay.stop(), () => mongo.close(), () => redis.close()],
});
relay.start();
