// Reservations as plain data: their states, what each state means for the stock, and the views the API returns.

export interface Line {
  productId: string;
  quantity: number;
}

export interface ShortLine {
  productId: string;
  requested: number;
  available: number;
}

/**
 * PENDING: lines being taken (the crash log: a retry finishes it, the sweeper abandons it). RESERVED: every line held.
 * REJECTED: a line was short. COMMITTED: sold. RELEASED: cancelled. EXPIRED: not settled in time. ABANDONED: a PENDING left behind.
 */
export const reservationStates = ['PENDING', 'RESERVED', 'REJECTED', 'COMMITTED', 'RELEASED', 'EXPIRED', 'ABANDONED'] as const;
export type ReservationState = (typeof reservationStates)[number];

export interface Reservation {
  orderId: string;
  state: ReservationState;
  items: Line[];
  createdAt: Date;
  updatedAt: Date;
  expiresAt?: Date;
  shortLines?: ShortLine[];
  /** True once the stock reflects the state (every line held, sold or given back). */
  settled: boolean;
}

/** What a state asks of every line's hold in the stock: kept, turned into a sale, or given back. */
export type LineEffect = 'hold' | 'commit' | 'release';

export function lineEffectOf(state: ReservationState): LineEffect | undefined {
  switch (state) {
    case 'PENDING':
      return undefined;
    case 'RESERVED':
      return 'hold';
    case 'COMMITTED':
      return 'commit';
    default:
      return 'release';
  }
}

/** One line per product, ordered by product id so that every attempt takes lines in the same order. */
export function mergeLines(lines: readonly Line[]): Line[] {
  const byProduct = new Map<string, number>();
  for (const l of lines) byProduct.set(l.productId, (byProduct.get(l.productId) ?? 0) + l.quantity);
  return [...byProduct].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([productId, quantity]) => ({ productId, quantity }));
}

export function sameLines(a: readonly Line[], b: readonly Line[]): boolean {
  const x = mergeLines(a);
  const y = mergeLines(b);
  return x.length === y.length && x.every((l, i) => l.productId === y[i]?.productId && l.quantity === y[i]?.quantity);
}

export function newReservation(orderId: string, items: readonly Line[], now: Date): Reservation {
  return { orderId, state: 'PENDING', items: mergeLines(items), createdAt: now, updatedAt: now, settled: false };
}

export function expiryOf(now: Date, ttlMs: number): Date {
  return new Date(now.getTime() + ttlMs);
}

/** Only a reservation still holding its stock can be committed, released or expired; anything else was settled before. */
export type Outcome = 'COMMITTED' | 'RELEASED' | 'EXPIRED';

export function canSettle(state: ReservationState): boolean {
  return state === 'RESERVED';
}

export function isExpired(r: Pick<Reservation, 'state' | 'expiresAt'>, now: Date): boolean {
  return r.state === 'RESERVED' && r.expiresAt !== undefined && r.expiresAt.getTime() <= now.getTime();
}

/** A PENDING reservation older than this was left by a request that died; nobody will finish it. */
export function isAbandoned(r: Pick<Reservation, 'state' | 'updatedAt'>, now: Date, pendingTimeoutMs: number): boolean {
  return r.state === 'PENDING' && now.getTime() - r.updatedAt.getTime() >= pendingTimeoutMs;
}

export interface ReservationView {
  orderId: string;
  status: ReservationState;
  expiresAt: string | null;
  items: Line[];
}

export function reservationView(r: Reservation): ReservationView {
  return { orderId: r.orderId, status: r.state, expiresAt: r.expiresAt ? r.expiresAt.toISOString() : null, items: r.items };
}

/** The line is short when it is not held already and the stock cannot cover it. */
export function shortLine(line: Line, stock: { available: number; heldByOrder: boolean } | undefined): ShortLine | undefined {
  if (stock?.heldByOrder) return undefined;
  const available = stock?.available ?? 0;
  return available >= line.quantity ? undefined : { productId: line.productId, requested: line.quantity, available };
}

/** A hold left on the stock by a losing or crashed attempt: its reservation is settled in a state that holds nothing. */
export function isStrayHold(r: Pick<Reservation, 'state' | 'settled'> | undefined): boolean {
  return r !== undefined && r.settled && r.state !== 'PENDING' && r.state !== 'RESERVED';
}
