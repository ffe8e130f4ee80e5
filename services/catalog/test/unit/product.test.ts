import { describe, expect, it } from 'vitest';
import { freshnessOf, newEntry } from '../../src/domain/cache-entry.js';
import { changedFields, createProduct } from '../../src/domain/product.js';
import { seedProducts } from '../../src/data-access/seed-products.js';

const now = new Date('2026-01-01T00:00:00Z');
const fields = { sku: 'S-1', name: 'Mug', description: 'A mug', category: 'kitchen', price: { amount: 1250, currency: 'USD' as const } };

describe('products', () => {
  it('when a product is created, then its catalog.product-changed event says created', () => {
    const { product, event } = createProduct('prod-x', fields, now, 'e1');
    expect(product).toEqual({ id: 'prod-x', ...fields });
    expect(event).toEqual({ eventId: 'e1', topic: 'catalog.product-changed', data: { schemaVersion: 1, productId: 'prod-x', change: 'created', at: now.toISOString() } });
  });

  it('when a change leaves fields out, then only the given ones are set', () => {
    expect(changedFields({ name: 'New', description: undefined })).toEqual({ name: 'New' });
  });

  it('when a cached copy is younger than its fresh time, then it is fresh, and stale after', () => {
    const entry = newEntry('v', 1_000, 500);
    expect(freshnessOf(entry, 1_499)).toBe('fresh');
    expect(freshnessOf(entry, 1_500)).toBe('stale');
  });
});

describe('seed products', () => {
  it('when the catalog is seeded, then there are at least 20 products in several categories with unique ids and SKUs', () => {
    expect(seedProducts.length).toBeGreaterThanOrEqual(20);
    expect(new Set(seedProducts.map((p) => p.category)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(seedProducts.map((p) => p.id)).size).toBe(seedProducts.length);
    expect(new Set(seedProducts.map((p) => p.sku)).size).toBe(seedProducts.length);
  });

  it('when inventory seeds stock for prod-001 and up, then each of those ids is a seed product', () => {
    expect(seedProducts.map((p) => p.id)).toEqual(Array.from({ length: seedProducts.length }, (_, i) => `prod-${String(i + 1).padStart(3, '0')}`));
  });
});
