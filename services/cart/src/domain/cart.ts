// Carts as plain data: each change is a pure function, so a change that lost a race can be applied again to the newer cart.
import type { Money, OrderLine } from '@commercex/contracts';

export type CartLine = OrderLine;

export interface Cart {
  items: CartLine[];
}

export interface CartView {
  items: CartLine[];
  total: Money;
}

export type CartChange = (cart: Cart) => Cart;

export const maxLines = 100;

export const emptyCart = (): Cart => ({ items: [] });

/** Sets the line's quantity (not adds to it), with the product's current name and price; the line keeps its place. */
export function setLine(line: CartLine): CartChange {
  return (cart) => {
    const at = cart.items.findIndex((l) => l.productId === line.productId);
    if (at === -1) return { items: [...cart.items, line] };
    return { items: cart.items.map((l, i) => (i === at ? line : l)) };
  };
}

export function removeLine(productId: string): CartChange {
  return (cart) => ({ items: cart.items.filter((l) => l.productId !== productId) });
}

export const clearCart: CartChange = () => emptyCart();

export function isFull(cart: Cart, productId: string): boolean {
  return cart.items.length >= maxLines && !cart.items.some((l) => l.productId === productId);
}

export function viewOf(cart: Cart): CartView {
  const amount = cart.items.reduce((sum, l) => sum + l.unitPrice.amount * l.quantity, 0);
  return { items: cart.items, total: { amount, currency: 'USD' } };
}
