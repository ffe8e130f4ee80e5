import { parseEvent } from '@commercex/contracts';
import { describe, expect, it } from 'vitest';
import { expiryEvent } from '../../src/domain/expiry-event.js';
import { isAbandoned, isExpired, isStrayHold, lineEffectOf, mergeLines, newReservation, reservationView, sameLines, shortLine } from '../../src/domain/reservation.js';

const at = new Date('2026-01-01T00:00:00Z');
const later = (ms: number) => new Date(at.getTime() + ms);

describe('reservation rules', () => {
  it('when lines repeat a product, then they are merged and ordered by product id', () => {
    expect(mergeLines([{ productId: 'b', quantity: 1 }, { productId: 'a', quantity: 2 }, { productId: 'b', quantity: 3 }])).toEqual([
      { productId: 'a', quantity: 2 },
      { productId: 'b', quantity: 4 },
    ]);
  });

  it('when two requests list the same lines in another order, then they are the same reservation; other quantities are not', () => {
    expect(sameLines([{ productId: 'a', quantity: 1 }, { productId: 'b', quantity: 2 }], [{ productId: 'b', quantity: 2 }, { productId: 'a', quantity: 1 }])).toBe(true);
    expect(sameLines([{ productId: 'a', quantity: 1 }], [{ productId: 'a', quantity: 2 }])).toBe(false);
  });

  it('when a reservation starts, then it is PENDING, unsettled and its lines are merged', () => {
    const r = newReservation('o1', [{ productId: 'a', quantity: 1 }, { productId: 'a', quantity: 1 }], at);
    expect(r).toMatchObject({ orderId: 'o1', state: 'PENDING', settled: false, items: [{ productId: 'a', quantity: 2 }] });
    expect(reservationView(r)).toEqual({ orderId: 'o1', status: 'PENDING', expiresAt: null, items: [{ productId: 'a', quantity: 2 }] });
  });

  it('when a reservation is in a state, then the stock holds, sells or gives back its lines accordingly', () => {
    expect(lineEffectOf('PENDING')).toBeUndefined();
    expect(lineEffectOf('RESERVED')).toBe('hold');
    expect(lineEffectOf('COMMITTED')).toBe('commit');
    for (const s of ['REJECTED', 'RELEASED', 'EXPIRED', 'ABANDONED'] as const) expect(lineEffectOf(s)).toBe('release');
  });

  it('when a reserved reservation passes its expiry, then it is expired; settled ones never are', () => {
    expect(isExpired({ state: 'RESERVED', expiresAt: later(1_000) }, later(999))).toBe(false);
    expect(isExpired({ state: 'RESERVED', expiresAt: later(1_000) }, later(1_000))).toBe(true);
    expect(isExpired({ state: 'COMMITTED', expiresAt: later(1_000) }, later(5_000))).toBe(false);
  });

  it('when a PENDING reservation is older than the timeout, then it was abandoned', () => {
    expect(isAbandoned({ state: 'PENDING', updatedAt: at }, later(29_999), 30_000)).toBe(false);
    expect(isAbandoned({ state: 'PENDING', updatedAt: at }, later(30_000), 30_000)).toBe(true);
    expect(isAbandoned({ state: 'RESERVED', updatedAt: at }, later(60_000), 30_000)).toBe(false);
  });

  it('when the stock cannot cover a line the order does not hold yet, then the line is short with what is available', () => {
    expect(shortLine({ productId: 'a', quantity: 3 }, { available: 2, heldByOrder: false })).toEqual({ productId: 'a', requested: 3, available: 2 });
    expect(shortLine({ productId: 'a', quantity: 3 }, { available: 0, heldByOrder: true })).toBeUndefined();
    expect(shortLine({ productId: 'a', quantity: 3 }, { available: 3, heldByOrder: false })).toBeUndefined();
    expect(shortLine({ productId: 'x', quantity: 1 }, undefined)).toEqual({ productId: 'x', requested: 1, available: 0 });
  });

  it('when a hold belongs to a settled reservation that holds nothing, then it is stray; live ones are not', () => {
    expect(isStrayHold({ state: 'COMMITTED', settled: true })).toBe(true);
    expect(isStrayHold({ state: 'EXPIRED', settled: true })).toBe(true);
    expect(isStrayHold({ state: 'EXPIRED', settled: false })).toBe(false);
    expect(isStrayHold({ state: 'RESERVED', settled: true })).toBe(false);
    expect(isStrayHold({ state: 'PENDING', settled: false })).toBe(false);
    expect(isStrayHold(undefined)).toBe(false);
  });

  it('when a reservation expires, then its event matches the inventory.reservation-expired contract', () => {
    const event = expiryEvent('o1', at, 'e1');
    expect(event).toMatchObject({ eventId: 'e1', topic: 'inventory.reservation-expired' });
    expect(parseEvent(event.topic, event.data)).toEqual({ ok: true, data: { schemaVersion: 1, orderId: 'o1', expiredAt: '2026-01-01T00:00:00.000Z' } });
  });
});
