// Stale-while-revalidate: a cached copy is served fresh for a while, then served stale while one reader refreshes it.

export interface CacheEntry<T> {
  value: T;
  /** Epoch milliseconds until which the copy is fresh. */
  freshUntil: number;
}

export type Freshness = 'fresh' | 'stale';

export function freshnessOf(entry: CacheEntry<unknown>, nowMs: number): Freshness {
  return nowMs < entry.freshUntil ? 'fresh' : 'stale';
}

export function newEntry<T>(value: T, nowMs: number, freshMs: number): CacheEntry<T> {
  return { value, freshUntil: nowMs + freshMs };
}

/** A copy lives in Redis for its fresh and stale windows together; after that a reader loads it again. */
export function entryTtlMs(freshMs: number, staleMs: number): number {
  return freshMs + staleMs;
}
