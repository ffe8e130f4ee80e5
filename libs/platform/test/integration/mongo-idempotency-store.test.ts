// The Mongo idempotency store against the real MongoDB-wire database that npm test starts (FerretDB).
import { afterAll, describe } from 'vitest';
import { connectMongo, MongoIdempotencyStore, type MongoHandle } from '../../src/mongo/index.js';
import { itBehavesLikeAnIdempotencyStore } from '../idempotency-contract.js';

const url = process.env.MONGODB_URI;

describe('MongoIdempotencyStore (real database)', () => {
  let mongo: MongoHandle | undefined;
  afterAll(async () => {
    await mongo?.connection.dropDatabase();
    await mongo?.close();
  });
  itBehavesLikeAnIdempotencyStore(async () => {
    if (!url) throw new Error('MONGODB_URI is not set: run this through `npm test`, which starts FerretDB');
    mongo ??= await connectMongo(url, `platform_test_${process.pid}`);
    await mongo.ready();
    const name = `processed_${Math.random().toString(36).slice(2)}`;
    return MongoIdempotencyStore.forConnection(mongo.connection, name);
  });
});
