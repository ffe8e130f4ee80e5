import { randomUUID } from 'node:crypto';
import { notFound } from '@commercex/platform';
import { changedFields, createProduct, productChanged, type Product, type ProductFields } from '../domain/product.js';
import type { CatalogDeps } from './catalog-deps.js';

export async function createProductUseCase(fields: ProductFields, deps: CatalogDeps): Promise<Product> {
  const now = new Date();
  const { product, event } = createProduct(`prod-${randomUUID()}`, fields, now, randomUUID());
  await deps.products.insert(product, event, now);
  deps.onNewEvent();
  return product;
}

/**
 * Writes the change, then drops the cached copy at once (every replica reads the same Redis); the queued
 * catalog.product-changed event drops it again, which also covers a synchronous invalidation that failed.
 */
export async function updateProductUseCase(id: string, patch: Partial<ProductFields>, deps: CatalogDeps): Promise<Product> {
  const now = new Date();
  const product = await deps.products.update(id, changedFields(patch), productChanged(id, 'updated', now, randomUUID()), now);
  if (!product) throw notFound('No such product', { productId: id });
  await deps.cache.invalidate(id).catch((err: unknown) => deps.logger.warn({ err, productId: id }, 'cache invalidation failed; the change event will retry it'));
  deps.onNewEvent();
  return product;
}
