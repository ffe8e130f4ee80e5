import type { EventHandler } from '@commercex/platform';
import type { ProductCache } from '../../data-access/product-cache.js';

/**
 * Every replica's change (and a synchronous invalidation that failed) reaches the shared cache through this event.
 * A new product had no copy to drop (misses are not cached), so its event would only evict a correct copy.
 */
export function productChangedHandler(cache: ProductCache): EventHandler<'catalog.product-changed'> {
  return async (event) => {
    if (event.change === 'created') return;
    await cache.invalidate(event.productId);
  };
}
