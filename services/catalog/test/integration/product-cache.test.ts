// The product cache against the real Redis that npm test starts: stale-while-revalidate and the generation guard.
import { createLogger } from '@commercex/platform';
import { createRedis, type RedisHandle } from '@commercex/platform/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheMetrics } from '../../src/data-access/cache-metrics.js';
import { ProductCache } from '../../src/data-access/product-cache.js';
import type { Product } from '../../src/domain/product.js';

let redis: RedisHandle;
beforeAll(() => {
  if (!process.env.REDIS_URL) throw new Error('REDIS_URL is not set: run this through `npm test`, which starts Redis');
  redis = createRedis(process.env.REDIS_URL);
});
afterAll(async () => redis?.close());

const logger = createLogger({ service: 'catalog-test', level: 'silent' });
const product = (name: string): Product => ({ id: `p-${crypto.randomUUID()}`, sku: 'S', name, description: '', category: 'c', price: { amount: 1, currency: 'USD' } });
const cacheWith = (freshMs: number, now?: () => number) => new ProductCache(redis.client, { freshMs, staleMs: 60_000, metrics: cacheMetrics(), logger, ...(now ? { now } : {}) });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('product cache', () => {
  it('when a product is read twice, then the second read does not load it', async () => {
    const cache = cacheWith(60_000);
    const p = product('A');
    let loads = 0;
    const load = async () => { loads++; return p; };
    expect(await cache.get(p.id, load)).toEqual(p);
    expect(await cache.get(p.id, load)).toEqual(p);
    expect(loads).toBe(1);
  });

  it('when a copy is stale, then it is served at once and refreshed behind the read', async () => {
    let clock = 1_000;
    const cache = cacheWith(100, () => clock);
    const p = product('Old');
    await cache.get(p.id, async () => p);
    clock += 1_000;
    expect((await cache.get(p.id, async () => ({ ...p, name: 'New' })))?.name).toBe('Old');
    await sleep(100);
    expect((await cache.get(p.id, async () => ({ ...p, name: 'Newer' })))?.name).toBe('New');
  });

  it('when a reader loaded the old state before an invalidation, then its late write does not bring the old state back', async () => {
    const cache = cacheWith(60_000);
    const p = product('Old');
    let release!: () => void;
    const slowOldLoad = () => new Promise<Product>((resolve) => { release = () => resolve(p); });
    const reading = cache.get(p.id, slowOldLoad);
    await sleep(20);
    await cache.invalidate(p.id);
    release();
    expect((await reading)?.name).toBe('Old');
    expect((await cache.get(p.id, async () => ({ ...p, name: 'New' })))?.name).toBe('New');
  });

  it('when an unknown product is read, then nothing is cached and the next read looks again', async () => {
    const cache = cacheWith(60_000);
    const p = product('Later');
    expect(await cache.get(p.id, async () => undefined)).toBeUndefined();
    expect(await cache.get(p.id, async () => p)).toEqual(p);
  });

  it('when Redis cannot be reached, then reads go to the loader instead of failing', async () => {
    const down = createRedis('redis://127.0.0.1:1');
    try {
      const cache = new ProductCache(down.client, { freshMs: 1_000, staleMs: 1_000, metrics: cacheMetrics(), logger });
      const p = product('Direct');
      expect(await cache.get(p.id, async () => p)).toEqual(p);
    } finally {
      down.client.disconnect();
    }
  });
});
