import { describe, expect, it } from 'vitest';
import { commit, isBalanced, ledgerOf, newStock, release, setAvailable, take, type StockItem } from '../../src/domain/stock.js';

const taken = (s: StockItem, orderId: string, q: number): StockItem => {
  const next = take(s, orderId, q);
  if (typeof next === 'string') throw new Error(`expected a take, got ${next}`);
  return next;
};

describe('stock rules', () => {
  it('when an order takes units, then they move from available to reserved and the order holds them', () => {
    const s = taken(newStock('p1', 10), 'o1', 3);
    expect(ledgerOf(s)).toEqual({ productId: 'p1', available: 7, reserved: 3, sold: 0, stocked: 10 });
    expect(s.holds).toEqual([{ orderId: 'o1', quantity: 3 }]);
  });

  it('when the same order takes again, then it already holds them and nothing changes', () => {
    expect(take(taken(newStock('p1', 10), 'o1', 3), 'o1', 3)).toBe('held');
  });

  it('when fewer units are available than asked, then the take is short', () => {
    expect(take(newStock('p1', 2), 'o1', 3)).toBe('short');
    expect(take(newStock('p1', 3), 'o1', 3)).not.toBe('short');
  });

  it('when a hold is committed, then its units are sold, and a second commit finds nothing to do', () => {
    const s = commit(taken(newStock('p1', 10), 'o1', 3), 'o1')!;
    expect(ledgerOf(s)).toMatchObject({ available: 7, reserved: 0, sold: 3, stocked: 10 });
    expect(commit(s, 'o1')).toBeUndefined();
    expect(release(s, 'o1')).toBeUndefined();
  });

  it('when a hold is released, then its units are available again, once', () => {
    const s = release(taken(taken(newStock('p1', 10), 'o1', 3), 'o2', 2), 'o1')!;
    expect(ledgerOf(s)).toMatchObject({ available: 8, reserved: 2, sold: 0 });
    expect(s.holds).toEqual([{ orderId: 'o2', quantity: 2 }]);
    expect(release(s, 'o1')).toBeUndefined();
  });

  it('when available is set, then stocked moves by the difference and setting the same value changes nothing', () => {
    const s = setAvailable(taken(newStock('p1', 10), 'o1', 4), 2)!;
    expect(ledgerOf(s)).toMatchObject({ available: 2, reserved: 4, stocked: 6 });
    expect(setAvailable(s, 2)).toBeUndefined();
    expect(isBalanced(ledgerOf(s))).toBe(true);
  });

  it('when any sequence of takes, commits, releases and corrections runs, then available + reserved + sold equals stocked', () => {
    let s = newStock('p1', 50);
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 100;
    for (let i = 0; i < 2_000; i++) {
      const order = `o${next() % 12}`;
      const op = next() % 4;
      const after = op === 0 ? take(s, order, 1 + (next() % 5)) : op === 1 ? commit(s, order) : op === 2 ? release(s, order) : setAvailable(s, next());
      if (after !== undefined && typeof after !== 'string') s = after;
      expect(isBalanced(ledgerOf(s))).toBe(true);
      expect(s.reserved).toBe(s.holds.reduce((n, h) => n + h.quantity, 0));
    }
  });
});
