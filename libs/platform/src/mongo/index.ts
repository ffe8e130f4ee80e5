export * from './connect-mongo.js';
export * from './mongo-idempotency-store.js';
