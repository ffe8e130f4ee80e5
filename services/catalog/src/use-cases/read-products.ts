import { notFound } from '@commercex/platform';
import type { Product } from '../domain/product.js';
import type { SearchInput } from '../domain/product-search.js';
import type { CatalogDeps } from './catalog-deps.js';

export async function getProductUseCase(id: string, deps: CatalogDeps): Promise<Product> {
  const product = await deps.cache.get(id, () => deps.products.findById(id));
  if (!product) throw notFound('No such product', { productId: id });
  return product;
}

export async function searchProductsUseCase(input: SearchInput, deps: CatalogDeps): Promise<{ items: Product[]; page: number; limit: number; total: number }> {
  const { items, total } = await deps.products.search(input);
  return { items, page: input.page, limit: input.limit, total };
}
