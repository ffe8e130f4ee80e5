export * from './connect-mongo.js';
export * from './mongo-idempotency-store.js';
export * from './remove-outbox-event.js';
export * from './document-locks.js';
