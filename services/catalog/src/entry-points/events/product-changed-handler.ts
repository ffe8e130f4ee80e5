import type { EventHandler } from '@commercex/platform';
import type { ProductCache } from '../../data-access/product-cache.js';

/** Every replica's change (and a synchronous invalidation that failed) reaches the shared cache through this event. */
export function productChangedHandler(cache: ProductCache): EventHandler<'catalog.product-changed'> {
  return async (event) => {
    await cache.invalidate(event.productId);
  };
}
