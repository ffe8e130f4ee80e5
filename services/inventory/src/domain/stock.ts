// A product's stock: what can be sold, what reservations hold, what was sold, and everything ever stocked.
// Each change is a pure function from one stock to the next; a change that does not apply returns undefined.

export interface Hold {
  orderId: string;
  quantity: number;
}

export interface StockItem {
  productId: string;
  available: number;
  reserved: number;
  sold: number;
  /** Every unit ever put in stock, net of corrections: available + reserved + sold always equals it. */
  stocked: number;
  /** The reservations holding units of this product, so each line's take, sale or release happens once. */
  holds: Hold[];
}

export type Ledger = Omit<StockItem, 'holds'>;

export function newStock(productId: string, available: number): StockItem {
  return { productId, available, reserved: 0, sold: 0, stocked: available, holds: [] };
}

export function isHeldBy(s: Pick<StockItem, 'holds'>, orderId: string): boolean {
  return s.holds.some((h) => h.orderId === orderId);
}

/** Takes units for an order: 'held' if it holds them already, 'short' if too few are available. */
export function take(s: StockItem, orderId: string, quantity: number): StockItem | 'held' | 'short' {
  if (isHeldBy(s, orderId)) return 'held';
  if (s.available < quantity) return 'short';
  return { ...s, available: s.available - quantity, reserved: s.reserved + quantity, holds: [...s.holds, { orderId, quantity }] };
}

/** Gives the order's held units back; undefined when it holds none (released or sold before). */
export function release(s: StockItem, orderId: string): StockItem | undefined {
  const hold = s.holds.find((h) => h.orderId === orderId);
  if (!hold) return undefined;
  return { ...s, available: s.available + hold.quantity, reserved: s.reserved - hold.quantity, holds: s.holds.filter((h) => h !== hold) };
}

/** Turns the order's held units into sold ones; undefined when it holds none. */
export function commit(s: StockItem, orderId: string): StockItem | undefined {
  const hold = s.holds.find((h) => h.orderId === orderId);
  if (!hold) return undefined;
  return { ...s, reserved: s.reserved - hold.quantity, sold: s.sold + hold.quantity, holds: s.holds.filter((h) => h !== hold) };
}

/** Setting available is a correction by the difference; stocked moves with it so the sum still balances. */
export function setAvailable(s: StockItem, available: number): StockItem | undefined {
  const delta = available - s.available;
  return delta === 0 ? undefined : { ...s, available, stocked: s.stocked + delta };
}

export function isBalanced(l: Ledger): boolean {
  return l.available + l.reserved + l.sold === l.stocked && l.available >= 0 && l.reserved >= 0 && l.sold >= 0;
}

export function ledgerOf(s: StockItem): Ledger {
  return { productId: s.productId, available: s.available, reserved: s.reserved, sold: s.sold, stocked: s.stocked };
}

export function publicView(s: Pick<StockItem, 'productId' | 'available' | 'reserved'>): { productId: string; available: number; reserved: number } {
  return { productId: s.productId, available: s.available, reserved: s.reserved };
}
