import { describe, expect, it } from 'vitest';
import { connectMongo, MongoIdempotencyStore, type ProcessedEventCollection } from '../src/mongo/index.js';
import { FakeCollection } from './fake-collection.js';
import { itBehavesLikeAnIdempotencyStore } from './idempotency-contract.js';

const asCollection = (fake: FakeCollection) => fake as unknown as ProcessedEventCollection;

describe('MongoIdempotencyStore (in-memory collection)', () => {
  itBehavesLikeAnIdempotencyStore(() => new MongoIdempotencyStore(asCollection(new FakeCollection())));

  it('when an in-flight claim outlives its lease (the handler crashed), then the next delivery takes it over', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const store = new MongoIdempotencyStore(asCollection(new FakeCollection()), { leaseMs: 1_000 }, () => now);
    await store.claim('e-1');
    now = new Date(now.getTime() + 500);
    expect(await store.claim('e-1')).toBe('in-flight');
    now = new Date(now.getTime() + 1_000);
    expect(await store.claim('e-1')).toBe('claimed');
  });

  it('when purging, then only handled events older than the retention go', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const fake = new FakeCollection();
    const store = new MongoIdempotencyStore(asCollection(fake), { retentionMs: 60_000 }, () => now);
    await store.claim('old');
    await store.complete('old');
    await store.claim('pending');
    now = new Date(now.getTime() + 120_000);
    await store.claim('recent');
    await store.complete('recent');
    expect(await store.purgeHandledBefore()).toBe(1);
    expect([...fake.docs.keys()].sort()).toEqual(['pending', 'recent']);
  });

  it('when the database fails on insert, then the error surfaces (the router answers RETRY)', async () => {
    const fake = new FakeCollection();
    fake.insertOne = () => Promise.reject(new Error('connection reset'));
    await expect(new MongoIdempotencyStore(asCollection(fake)).claim('e')).rejects.toThrow('connection reset');
  });
});

describe('connectMongo', () => {
  it('when no server answers, then connecting fails within the short selection timeout', async () => {
    const started = Date.now();
    await expect(connectMongo('mongodb://127.0.0.1:1', 'nowhere', { serverSelectionTimeoutMS: 200 })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
