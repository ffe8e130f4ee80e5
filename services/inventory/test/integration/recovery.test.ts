// What a retry and the sweeper do after a crash, on the real database npm test starts (FerretDB): the stock ends right.
import { createLogger, isAppError } from '@commercex/platform';
import { connectMongo, DocumentLocks, type MongoHandle } from '@commercex/platform/mongo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReservationRepository } from '../../src/data-access/reservation-repository.js';
import { StockRepository } from '../../src/data-access/stock-repository.js';
import { newReservation } from '../../src/domain/reservation.js';
import { ledgerOf } from '../../src/domain/stock.js';
import { reserveStock } from '../../src/use-cases/reserve-stock.js';
import { settleReservation } from '../../src/use-cases/settle-reservation.js';
import { reservationSweeper } from '../../src/workers/reservation-sweeper.js';

const url = process.env.MONGODB_URI;
let seq = 0;
const id = (prefix: string) => `${prefix}-${process.pid}-${++seq}`;

describe('inventory recovery after a crash', () => {
  let mongo: MongoHandle;
  let stock: StockRepository;
  let reservations: ReservationRepository;
  let deps: { stock: StockRepository; reservations: ReservationRepository; now: () => Date; ttlMs: number };
  let sweeper: ReturnType<typeof reservationSweeper>;

  const product = async (available: number) => {
    const productId = id('p');
    await stock.setAvailable(productId, available);
    return productId;
  };
  const ledger = async (productId: string) => ledgerOf((await stock.find(productId))!);

  beforeAll(async () => {
    if (!url) throw new Error('MONGODB_URI is not set: run this through `npm test`, which starts FerretDB');
    mongo = await connectMongo(url, `inventory_test_${process.pid}`);
    const locks = new DocumentLocks(mongo.connection, { leaseMs: 200, waitMs: 3_000 });
    stock = new StockRepository(mongo.connection, locks);
    reservations = new ReservationRepository(mongo.connection, locks);
    deps = { stock, reservations, now: () => new Date(), ttlMs: 60_000 };
    const logger = createLogger({ service: 'inventory-test', level: 'silent' });
    sweeper = reservationSweeper(deps, { intervalMs: 1_000, pendingTimeoutMs: 100, settleGraceMs: 0, auditIntervalMs: 0, onExpired: () => undefined, logger });
  });

  afterAll(async () => {
    await mongo?.connection.dropDatabase();
    await mongo?.close();
  });

  it('when a request died after taking some lines, then a retry with the same order id finishes the reservation without taking twice', async () => {
    const [a, b] = [await product(5), await product(5)];
    const orderId = id('o');
    const lines = [{ productId: a, quantity: 2 }, { productId: b, quantity: 1 }];
    await reservations.insertOrGet(newReservation(orderId, lines, new Date()));
    await stock.hold(orderId, lines[0]!);

    expect((await reserveStock(orderId, lines, deps)).state).toBe('RESERVED');
    expect(await ledger(a)).toMatchObject({ available: 3, reserved: 2 });
    expect(await ledger(b)).toMatchObject({ available: 4, reserved: 1 });
  });

  it('when nobody retries, then the sweeper abandons the reservation and gives its stock back, and a later retry starts afresh', async () => {
    const productId = await product(4);
    const orderId = id('o');
    const lines = [{ productId, quantity: 3 }];
    await reservations.insertOrGet(newReservation(orderId, lines, new Date()));
    await stock.hold(orderId, lines[0]!);
    await new Promise((r) => setTimeout(r, 150));

    await sweeper.pass();
    await sweeper.pass();
    expect(await reservations.find(orderId)).toMatchObject({ state: 'ABANDONED', settled: true });
    expect(await ledger(productId)).toMatchObject({ available: 4, reserved: 0, stocked: 4 });
    expect((await reserveStock(orderId, lines, deps)).state).toBe('RESERVED');
    expect(await ledger(productId)).toMatchObject({ available: 1, reserved: 3 });
  });

  it('when a state change reached the reservation but not the stock, then the sweeper finishes it', async () => {
    const productId = await product(3);
    const orderId = id('o');
    await reserveStock(orderId, [{ productId, quantity: 2 }], deps);
    expect(await reservations.transition(orderId, 'RESERVED', 'COMMITTED', { settled: false })).toBe(true);

    await sweeper.pass();
    expect(await reservations.find(orderId)).toMatchObject({ state: 'COMMITTED', settled: true });
    expect(await ledger(productId)).toMatchObject({ available: 1, reserved: 0, sold: 2, stocked: 3 });
  });

  it('when a late attempt left a hold on a settled reservation, then the audit gives it back and the sale stands', async () => {
    const productId = await product(5);
    const orderId = id('o');
    await reserveStock(orderId, [{ productId, quantity: 2 }], deps);
    expect(await settleReservation(orderId, 'COMMITTED', deps)).toBe('settled');
    await stock.hold(orderId, { productId, quantity: 2 });
    expect(await ledger(productId)).toMatchObject({ available: 1, reserved: 2, sold: 2 });

    await sweeper.pass();
    expect(await ledger(productId)).toMatchObject({ available: 3, reserved: 0, sold: 2, stocked: 5 });
  });

  it('when a lock holder died, then the next writer takes its lock over after the lease; a live lock makes writers wait, then give up', async () => {
    const productId = await product(1);
    const locks = mongo.connection.collection<{ _id: string; owner: string; until: Date }>('locks');
    await locks.insertOne({ _id: `stock/${productId}`, owner: 'died', until: new Date(Date.now() - 1) });
    expect((await stock.setAvailable(productId, 2)).available).toBe(2);

    await locks.insertOne({ _id: `stock/${productId}`, owner: 'alive', until: new Date(Date.now() + 60_000) });
    const impatient = new StockRepository(mongo.connection, new DocumentLocks(mongo.connection, { leaseMs: 200, waitMs: 200 }));
    const refused = await impatient.setAvailable(productId, 3).catch((err: unknown) => err);
    expect(isAppError(refused) && refused.code).toBe('UNAVAILABLE');
    expect(await ledger(productId)).toMatchObject({ available: 2 });
    await locks.deleteOne({ _id: `stock/${productId}` });
  });
});
