// Stock per product in MongoDB, as plain objects. A change reads the document under the product's lock, lets the domain
// compute the next stock, and writes it only if the version is unchanged; holds are keyed by order id, so each
// reservation line is taken, sold or given back once however often it is asked.
import { unavailable } from '@commercex/platform';
import { Schema, type Connection, type Model } from 'mongoose';
import type { Line } from '../domain/reservation.js';
import * as rules from '../domain/stock.js';
import type { Hold, StockItem } from '../domain/stock.js';
import type { DocumentLocks } from '@commercex/platform/mongo';

interface StockDocument extends Omit<StockItem, 'productId'> {
  _id: string;
  version: number;
  updatedAt: Date;
}

const holdSchema = new Schema<Hold>({ orderId: { type: String, required: true }, quantity: { type: Number, required: true } }, { _id: false });

const stockSchema = new Schema<StockDocument>(
  {
    _id: { type: String, required: true },
    available: { type: Number, required: true },
    reserved: { type: Number, required: true },
    sold: { type: Number, required: true },
    stocked: { type: Number, required: true },
    holds: { type: [holdSchema], default: [] },
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'stock', minimize: false },
);

function toStock(doc: StockDocument): StockItem {
  const { _id, version: _version, updatedAt: _updatedAt, ...rest } = doc;
  return { productId: _id, ...rest, holds: rest.holds ?? [] };
}

export type HoldResult = { held: true } | { held: false; available: number };

export class StockRepository {
  private readonly model: Model<StockDocument>;

  constructor(connection: Connection, private readonly locks: DocumentLocks) {
    this.model = connection.models.Stock ?? connection.model<StockDocument>('Stock', stockSchema);
  }

  async find(productId: string): Promise<StockItem | undefined> {
    const doc = await this.model.findById(productId).lean<StockDocument>();
    return doc ? toStock(doc) : undefined;
  }

  /** Products that reservations hold units of, least recently changed first. */
  async withHolds(limit: number): Promise<StockItem[]> {
    const docs = await this.model.find({ 'holds.0': { $exists: true } }).sort({ updatedAt: 1 }).limit(limit).lean<StockDocument[]>();
    return docs.map(toStock);
  }

  /** Takes the line for the order unless it holds it already; never below zero available. Unknown products have none. */
  async hold(orderId: string, line: Line): Promise<HoldResult> {
    let result: HoldResult = { held: false, available: 0 };
    await this.change(line.productId, (s) => {
      const next = rules.take(s, orderId, line.quantity);
      result = next === 'short' ? { held: false, available: s.available } : { held: true };
      return typeof next === 'string' ? undefined : next;
    });
    return result;
  }

  /** Gives the order's held units back; false when it holds none (released or sold before). */
  async release(orderId: string, productId: string): Promise<boolean> {
    return (await this.change(productId, (s) => rules.release(s, orderId))) !== undefined;
  }

  /** Turns the order's held units into sold ones; false when it holds none. */
  async commit(orderId: string, productId: string): Promise<boolean> {
    return (await this.change(productId, (s) => rules.commit(s, orderId))) !== undefined;
  }

  /** Sets available (creating the stock item if missing); stocked moves by the same difference. */
  async setAvailable(productId: string, available: number): Promise<StockItem> {
    if (await this.insertNew(productId, available)) return rules.newStock(productId, available);
    await this.change(productId, (s) => rules.setAvailable(s, available));
    return (await this.find(productId))!;
  }

  /** Stocks the given products when the collection is empty (a fresh self-hosted stack); returns how many it added. */
  async seedIfEmpty(productIds: readonly string[], quantity: number): Promise<number> {
    if (quantity <= 0 || (await this.model.estimatedDocumentCount()) > 0) return 0;
    let added = 0;
    for (const productId of productIds) if (await this.insertNew(productId, quantity)) added += 1;
    return added;
  }

  /** The stock after the change, or undefined when the change did not apply (or there is no such product). */
  private change(productId: string, decide: (s: StockItem) => StockItem | undefined): Promise<StockItem | undefined> {
    return this.locks.withLock(`stock/${productId}`, async () => {
      const doc = await this.model.findById(productId).lean<StockDocument>();
      if (!doc) return undefined;
      const next = decide(toStock(doc));
      if (!next) return undefined;
      const { productId: _id, ...fields } = next;
      const written = await this.model.updateOne({ _id: productId, version: doc.version }, { $set: { ...fields, version: doc.version + 1, updatedAt: new Date() } });
      if (written.modifiedCount !== 1) throw unavailable('The stock changed concurrently; retry', { details: { productId } });
      return next;
    });
  }

  private async insertNew(productId: string, available: number): Promise<boolean> {
    try {
      const { productId: _id, ...fields } = rules.newStock(productId, available);
      await this.model.create({ _id, ...fields, version: 0, updatedAt: new Date() });
      return true;
    } catch (err) {
      if ((err as { code?: number }).code === 11000) return false;
      throw err;
    }
  }
}
