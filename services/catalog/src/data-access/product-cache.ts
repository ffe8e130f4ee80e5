// Product copies in Redis, shared by every replica, served stale-while-revalidate. Each product has a generation
// counter: invalidation bumps it, and a copy loaded before the bump is never written back over the newer state.
import type { Logger } from '@commercex/platform';
import type { Redis } from 'ioredis';
import { entryTtlMs, freshnessOf, newEntry, type CacheEntry } from '../domain/cache-entry.js';
import type { Product } from '../domain/product.js';
import type { CacheMetrics } from './cache-metrics.js';

const fillScript = `if (redis.call('GET', KEYS[2]) or '0') == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1 end return 0`;

interface FillCommand {
  fillIfGeneration(key: string, generationKey: string, generation: string, value: string, ttlMs: number): Promise<number>;
}

export interface ProductCacheOptions {
  freshMs: number;
  staleMs: number;
  metrics: CacheMetrics;
  logger: Logger;
  now?: () => number;
}

export class ProductCache {
  private readonly redis: Redis & FillCommand;
  private readonly now: () => number;

  constructor(redis: Redis, private readonly options: ProductCacheOptions) {
    redis.defineCommand('fillIfGeneration', { numberOfKeys: 2, lua: fillScript });
    this.redis = redis as Redis & FillCommand;
    this.now = options.now ?? Date.now;
  }

  /** The cached product, or `load()`'s answer (cached when found). Redis failing means reading MongoDB, never an error. */
  async get(id: string, load: () => Promise<Product | undefined>): Promise<Product | undefined> {
    const { metrics } = this.options;
    let cached: [string | null, string | null];
    try {
      cached = (await this.redis.mget(keyOf(id), generationKeyOf(id))) as [string | null, string | null];
    } catch (err) {
      this.failed('read', err);
      return load();
    }
    const [raw, generation] = cached;
    if (raw) {
      const entry = JSON.parse(raw) as CacheEntry<Product>;
      const freshness = freshnessOf(entry, this.now());
      metrics.hits.inc({ freshness });
      if (freshness === 'stale') void this.revalidate(id, generation ?? '0', load);
      return entry.value;
    }
    metrics.misses.inc();
    const product = await load();
    if (product) await this.fill(id, generation ?? '0', product);
    return product;
  }

  /** Drops the copy and bumps the generation, so no reader that loaded earlier can put the old state back. */
  async invalidate(id: string): Promise<void> {
    await this.redis.multi().incr(generationKeyOf(id)).del(keyOf(id)).exec();
  }

  private async revalidate(id: string, generation: string, load: () => Promise<Product | undefined>): Promise<void> {
    try {
      // One refresh per product at a time, across replicas.
      const lock = `${keyOf(id)}:refreshing`;
      if ((await this.redis.set(lock, '1', 'PX', 5_000, 'NX')) !== 'OK') return;
      const product = await load().finally(() => this.redis.del(lock));
      if (product) await this.fill(id, generation, product);
      else await this.invalidate(id);
    } catch (err) {
      this.failed('revalidate', err);
    }
  }

  private async fill(id: string, generation: string, product: Product): Promise<void> {
    const { freshMs, staleMs } = this.options;
    try {
      await this.redis.fillIfGeneration(keyOf(id), generationKeyOf(id), generation, JSON.stringify(newEntry(product, this.now(), freshMs)), entryTtlMs(freshMs, staleMs));
    } catch (err) {
      this.failed('fill', err);
    }
  }

  private failed(operation: string, err: unknown): void {
    this.options.metrics.errors.inc({ operation });
    this.options.logger.warn({ err, operation }, 'product cache unavailable; using MongoDB');
  }
}

const keyOf = (id: string) => `catalog:product:${id}`;
const generationKeyOf = (id: string) => `catalog:product-generation:${id}`;
