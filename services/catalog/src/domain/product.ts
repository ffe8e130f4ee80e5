// Products as plain data, the rules for changing them, and the catalog.product-changed event each change records.
import type { EventOf, Money } from '@commercex/contracts';

export interface Product {
  id: string;
  sku: string;
  name: string;
  description: string;
  category: string;
  price: Money;
}

export type ProductFields = Omit<Product, 'id'>;

export interface PendingEvent {
  eventId: string;
  topic: 'catalog.product-changed';
  data: EventOf<'catalog.product-changed'>;
}

export function productChanged(productId: string, change: 'created' | 'updated', now: Date, eventId: string): PendingEvent {
  return { eventId, topic: 'catalog.product-changed', data: { schemaVersion: 1, productId, change, at: now.toISOString() } };
}

export function createProduct(id: string, fields: ProductFields, now: Date, eventId: string): { product: Product; event: PendingEvent } {
  return { product: { id, ...fields }, event: productChanged(id, 'created', now, eventId) };
}

/** The fields a change sets, without the ones it leaves out (undefined never overwrites). */
export function changedFields(patch: Partial<ProductFields>): Partial<ProductFields> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<ProductFields>;
}
