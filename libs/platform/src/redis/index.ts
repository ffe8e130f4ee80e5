export * from './create-redis.js';
export * from './redis-idempotency-store.js';
