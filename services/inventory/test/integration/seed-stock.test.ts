// Seeding a fresh self-hosted stack's stock, on the real database npm test starts (FerretDB).
import { connectMongo, DocumentLocks, type MongoHandle } from '@commercex/platform/mongo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StockRepository } from '../../src/data-access/stock-repository.js';
import { ledgerOf } from '../../src/domain/stock.js';

describe('seed stock', () => {
  let mongo: MongoHandle;
  let stock: StockRepository;

  beforeAll(async () => {
    const url = process.env.MONGODB_URI;
    if (!url) throw new Error('MONGODB_URI is not set: run this through `npm test`, which starts FerretDB');
    mongo = await connectMongo(url, `inventory_seed_${process.pid}`);
    stock = new StockRepository(mongo.connection, new DocumentLocks(mongo.connection));
  });

  afterAll(async () => {
    await mongo?.connection.dropDatabase();
    await mongo?.close();
  });

  it('when the stock is empty, then every seed product gets the seed quantity, once; a stock that has items is left alone', async () => {
    expect(await stock.seedIfEmpty(['prod-001', 'prod-002'], 100)).toBe(2);
    expect(ledgerOf((await stock.find('prod-002'))!)).toEqual({ productId: 'prod-002', available: 100, reserved: 0, sold: 0, stocked: 100 });
    expect(await stock.seedIfEmpty(['prod-001', 'prod-003'], 100)).toBe(0);
    expect(await stock.find('prod-003')).toBeUndefined();
  });
});
