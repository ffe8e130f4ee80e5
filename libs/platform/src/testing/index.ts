export * from './in-memory-idempotency-store.js';
