// Products in MongoDB as plain objects; each change's event waits in the product's own document until published.
// Changes to an existing product run under its lock: FerretDB v1 applies an update as a read and a later write, so the
// relay removing a published event could write back the fields a concurrent change had just set.
import { conflict } from '@commercex/platform';
import type { PendingEvent as RelayEvent } from '@commercex/platform';
import { DocumentLocks, removeOutboxEvent } from '@commercex/platform/mongo';
import type { Model } from 'mongoose';
import type { PendingEvent, Product, ProductFields } from '../domain/product.js';
import { pageWindow, searchFilter, type SearchInput } from '../domain/product-search.js';
import type { ProductDocument } from './product-model.js';

const duplicateKey = 11_000;

// MongoDB says 11000; FerretDB v1 reports a unique index violated by findAndModify only in the message.
function isDuplicateKey(err: unknown): boolean {
  const { code, message } = (err ?? {}) as { code?: unknown; message?: unknown };
  return code === duplicateKey || (typeof message === 'string' && /duplicate key|UNIQUE constraint failed/i.test(message));
}

function toProduct(doc: ProductDocument): Product {
  const { _id, sku, name, description, category, price } = doc;
  return { id: _id, sku, name, description, category, price: { amount: price.amount, currency: 'USD' } };
}

function skuTaken(err: unknown): never {
  if (isDuplicateKey(err)) throw conflict('CONFLICT', 'Another product has this SKU');
  throw err;
}

export class ProductRepository {
  private readonly locks: DocumentLocks;

  constructor(private readonly model: Model<ProductDocument>, locks = new DocumentLocks(model.db)) {
    this.locks = locks;
  }

  async findById(id: string): Promise<Product | undefined> {
    const doc = await this.model.findById(id).lean<ProductDocument>();
    return doc ? toProduct(doc) : undefined;
  }

  async search(input: SearchInput): Promise<{ items: Product[]; total: number }> {
    const filter = searchFilter(input);
    const { skip, limit } = pageWindow(input);
    const [docs, total] = await Promise.all([
      this.model.find(filter).sort({ name: 1, _id: 1 }).skip(skip).limit(limit).lean<ProductDocument[]>(),
      this.model.countDocuments(filter),
    ]);
    return { items: docs.map(toProduct), total };
  }

  async insert(product: Product, event: PendingEvent, now: Date): Promise<void> {
    const { id, ...fields } = product;
    await this.model.create({ _id: id, ...fields, updatedAt: now.toISOString(), outbox: [event] }).catch(skuTaken);
  }

  /** Sets the fields and queues the event in one update; undefined when there is no such product. */
  async update(id: string, fields: Partial<ProductFields>, event: PendingEvent, now: Date): Promise<Product | undefined> {
    return this.locks.withLock(lockKey(id), async () => {
      const doc = await this.model
        .findOneAndUpdate({ _id: id }, { $set: { ...fields, updatedAt: now.toISOString() }, $push: { outbox: event } }, { returnDocument: 'after' })
        .lean<ProductDocument>()
        .catch(skuTaken);
      return doc ? toProduct(doc) : undefined;
    });
  }

  /** Inserts the seed list into an empty collection; a replica that seeded first wins, the other's duplicates are ignored. */
  async seedIfEmpty(products: readonly Product[], now: Date): Promise<number> {
    if ((await this.model.estimatedDocumentCount()) > 0) return 0;
    const docs = products.map(({ id, ...fields }) => ({ _id: id, ...fields, updatedAt: now.toISOString(), outbox: [] }));
    try {
      return (await this.model.insertMany(docs, { ordered: false })).length;
    } catch (err) {
      if (isDuplicateKey(err)) return 0;
      throw err;
    }
  }

  async withPendingEvents(limit: number): Promise<Array<{ aggregateId: string; events: RelayEvent[] }>> {
    const docs = await this.model.find({ 'outbox.0': { $exists: true } }, { outbox: 1 }).limit(limit).lean<Array<Pick<ProductDocument, '_id' | 'outbox'>>>();
    return docs.map((d) => ({ aggregateId: d._id, events: d.outbox as RelayEvent[] }));
  }

  async markPublished(productId: string, eventId: string): Promise<void> {
    await this.locks.withLock(lockKey(productId), () => removeOutboxEvent(this.model.collection, productId, eventId));
  }
}

const lockKey = (productId: string) => `product:${productId}`;
