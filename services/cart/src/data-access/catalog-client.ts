// The product's current name and price, from catalog through Dapr service invocation.
import type { Money } from '@commercex/contracts';
import type { DaprSidecar } from '@commercex/platform';

export interface PricedProduct {
  id: string;
  name: string;
  price: Money;
}

export type CatalogClient = (productId: string) => Promise<PricedProduct>;

/** catalog's 404 NOT_FOUND passes through as is; an unreachable catalog is 503 UNAVAILABLE. */
export function daprCatalog(dapr: DaprSidecar): CatalogClient {
  return (productId) => dapr.invoke<PricedProduct>('catalog', `products/${encodeURIComponent(productId)}`);
}
