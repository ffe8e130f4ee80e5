import { describe, expect, it } from 'vitest';
import { seedProducts } from '../../../catalog/src/data-access/seed-products.js';
import { seedProductIds } from '../../src/data-access/seed-product-ids.js';

describe('seed stock', () => {
  it('when a fresh self-hosted stack seeds the catalog, then inventory stocks exactly the same product ids', () => {
    expect([...seedProductIds]).toEqual(seedProducts.map((p) => p.id));
    expect(seedProductIds.length).toBeGreaterThanOrEqual(20);
  });
});
