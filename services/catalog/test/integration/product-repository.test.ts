// Product changes against the real FerretDB that npm test starts: a change and the relay's removal of a published
// event, racing on one document, must both stick.
import { randomUUID } from 'node:crypto';
import { connectMongo, type MongoHandle } from '@commercex/platform/mongo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productModel } from '../../src/data-access/product-model.js';
import { ProductRepository } from '../../src/data-access/product-repository.js';
import { createProduct, productChanged } from '../../src/domain/product.js';

let mongo: MongoHandle;
let products: ProductRepository;
beforeAll(async () => {
  if (!process.env.MONGODB_URI) throw new Error('MONGODB_URI is not set: run this through `npm test`, which starts FerretDB');
  mongo = await connectMongo(process.env.MONGODB_URI, `catalog-repository-${randomUUID().slice(0, 8)}`);
  products = new ProductRepository(await productModel(mongo.connection));
});
afterAll(async () => mongo?.close());

describe('product repository', () => {
  it('when each change races the removal of the previous change event, then no change is lost and every event leaves', async () => {
    const now = new Date();
    const { product, event } = createProduct(`prod-${randomUUID()}`, { sku: `RACE-${randomUUID().slice(0, 8)}`, name: 'v0', description: 'race', category: 'test', price: { amount: 100, currency: 'USD' } }, now, randomUUID());
    await products.insert(product, event, now);
    let published = event.eventId;
    for (let i = 1; i <= 15; i += 1) {
      const next = productChanged(product.id, 'updated', new Date(), randomUUID());
      await Promise.all([products.update(product.id, { name: `v${i}` }, next, new Date()), products.markPublished(product.id, published)]);
      published = next.eventId;
      expect((await products.findById(product.id))?.name, `after change ${i}`).toBe(`v${i}`);
    }
    await products.markPublished(product.id, published);
    expect((await products.withPendingEvents(1000)).filter((p) => p.aggregateId === product.id)).toEqual([]);
  });
});
