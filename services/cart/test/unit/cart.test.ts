import { describe, expect, it } from 'vitest';
import { clearCart, emptyCart, isFull, maxLines, removeLine, setLine, viewOf, type CartLine } from '../../src/domain/cart.js';
import { backoffMs } from '../../src/domain/retry-backoff.js';

const line = (productId: string, quantity = 1, amount = 100): CartLine => ({ productId, name: productId.toUpperCase(), quantity, unitPrice: { amount, currency: 'USD' } });

describe('cart changes', () => {
  it('when a product is put in an empty cart, then the cart holds that line', () => {
    expect(setLine(line('a', 2))(emptyCart()).items).toEqual([line('a', 2)]);
  });

  it('when a product already in the cart is put again, then its quantity is replaced and it keeps its place', () => {
    const cart = setLine(line('b'))(setLine(line('a'))(emptyCart()));
    expect(setLine(line('a', 5))(cart).items.map((l) => [l.productId, l.quantity])).toEqual([['a', 5], ['b', 1]]);
  });

  it('when a line is removed, then the others stay', () => {
    const cart = setLine(line('b'))(setLine(line('a'))(emptyCart()));
    expect(removeLine('a')(cart).items).toEqual([line('b')]);
  });

  it('when a product that is not in the cart is removed, then the cart is unchanged', () => {
    expect(removeLine('zzz')(setLine(line('a'))(emptyCart())).items).toEqual([line('a')]);
  });

  it('when the cart is cleared, then it is empty', () => {
    expect(clearCart(setLine(line('a'))(emptyCart()))).toEqual(emptyCart());
  });

  it('when the cart is shown, then the total is the sum of unit price times quantity', () => {
    const cart = setLine(line('b', 3, 250))(setLine(line('a', 2, 1000))(emptyCart()));
    expect(viewOf(cart).total).toEqual({ amount: 2750, currency: 'USD' });
  });

  it('when the cart holds the most products it may, then only a new product is refused', () => {
    const full = { items: Array.from({ length: maxLines }, (_, i) => line(`p${i}`)) };
    expect(isFull(full, 'new')).toBe(true);
    expect(isFull(full, 'p0')).toBe(false);
  });

  it('when two changes lost a race, then each is applied to the newer cart and neither line is lost', () => {
    const newer = setLine(line('a'))(emptyCart());
    expect(setLine(line('b'))(newer).items.map((l) => l.productId)).toEqual(['a', 'b']);
  });
});

describe('retry backoff', () => {
  it('when attempts go on, then the longest wait grows and stays under the cap', () => {
    expect(backoffMs(0, 0.999)).toBeLessThan(backoffMs(3, 0.999));
    expect(backoffMs(20, 0.999)).toBeLessThan(100);
    expect(backoffMs(5, 0)).toBe(0);
  });
});
