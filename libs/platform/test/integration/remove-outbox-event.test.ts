// Removing published events from an outbox array, against the real MongoDB-wire database that npm test starts (FerretDB).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMongo, removeOutboxEvent, type MongoHandle } from '../../src/mongo/index.js';

let mongo: MongoHandle;
beforeAll(async () => {
  if (!process.env.MONGODB_URI) throw new Error('MONGODB_URI is not set: run this through `npm test`, which starts FerretDB');
  mongo = await connectMongo(process.env.MONGODB_URI, `platform_outbox_${process.pid}`);
});
afterAll(async () => {
  await mongo?.connection.dropDatabase();
  await mongo?.close();
});

const event = (eventId: string) => ({ eventId, topic: 'orders.created', data: { orderId: 'o1', nested: { a: [1, 2] } } });

describe('removeOutboxEvent', () => {
  it('when one event of several is published, then only that one leaves the outbox', async () => {
    const collection = mongo.connection.collection('aggregates');
    await collection.insertOne({ _id: 'a1' as never, outbox: [event('e1'), event('e2'), event('e3')] });
    await removeOutboxEvent(collection, 'a1', 'e2');
    expect(((await collection.findOne({ _id: 'a1' as never }))!.outbox as Array<{ eventId: string }>).map((e) => e.eventId)).toEqual(['e1', 'e3']);
  });

  it('when the event is already gone or the aggregate does not exist, then nothing happens', async () => {
    const collection = mongo.connection.collection('aggregates');
    await collection.insertOne({ _id: 'a2' as never, outbox: [event('e1')] });
    await removeOutboxEvent(collection, 'a2', 'nope');
    await removeOutboxEvent(collection, 'missing', 'e1');
    expect(((await collection.findOne({ _id: 'a2' as never }))!.outbox as unknown[]).length).toBe(1);
  });
});
