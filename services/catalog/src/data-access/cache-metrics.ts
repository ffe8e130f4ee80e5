import { metricsRegistry, registerOnce } from '@commercex/platform';
import { Counter } from 'prom-client';

/** Product cache outcomes on /metrics: hits (fresh or stale), misses, and Redis failures that fell back to MongoDB. */
export function cacheMetrics() {
  return {
    hits: registerOnce(metricsRegistry, 'catalog_cache_hits_total', () =>
      new Counter({ name: 'catalog_cache_hits_total', help: 'Product reads answered from the cache', labelNames: ['freshness'], registers: [metricsRegistry] })),
    misses: registerOnce(metricsRegistry, 'catalog_cache_misses_total', () =>
      new Counter({ name: 'catalog_cache_misses_total', help: 'Product reads that had to load from MongoDB', registers: [metricsRegistry] })),
    errors: registerOnce(metricsRegistry, 'catalog_cache_errors_total', () =>
      new Counter({ name: 'catalog_cache_errors_total', help: 'Cache operations that failed (the read went to MongoDB)', labelNames: ['operation'], registers: [metricsRegistry] })),
  };
}

export type CacheMetrics = ReturnType<typeof cacheMetrics>;
