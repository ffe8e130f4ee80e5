import type { Logger } from '@commercex/platform';
import type { ProductCache } from '../data-access/product-cache.js';
import type { ProductRepository } from '../data-access/product-repository.js';

export interface CatalogDeps {
  products: ProductRepository;
  cache: ProductCache;
  logger: Logger;
  /** Asks the outbox relay to publish soon instead of at its next tick. */
  onNewEvent: () => void;
}
