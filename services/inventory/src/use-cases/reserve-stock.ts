// Reserving an order's lines: all or nothing, once per order id, safe against concurrency and crashes.
// The reservation is written PENDING with its lines first; each line is then held in its stock document under the
// order id. The outcome is decided by one conditional state change (PENDING → RESERVED or REJECTED) before any stock is
// given back, so concurrent attempts for the same order agree; a retry after a crash finishes a PENDING one.
import { conflict, unavailable } from '@commercex/platform';
import { expiryOf, lineEffectOf, newReservation, sameLines, shortLine, type Line, type Reservation, type ShortLine } from '../domain/reservation.js';
import { isHeldBy } from '../domain/stock.js';
import { applyToStock } from './apply-to-stock.js';
import type { InventoryDeps } from './inventory-deps.js';

export interface ReserveDeps extends InventoryDeps {
  ttlMs: number;
  /** Told once per reservation when its outcome is decided (metrics). */
  onDecided?: (state: 'RESERVED' | 'REJECTED') => void;
}

/** The order's reservation (new or the one it already has); REJECTED with its short lines when a line cannot be covered. */
export async function reserveStock(orderId: string, items: readonly Line[], deps: ReserveDeps): Promise<Reservation> {
  const wanted = newReservation(orderId, items, deps.now());
  for (let attempt = 0; attempt < 3; attempt++) {
    const { created, reservation } = await deps.reservations.insertOrGet(wanted);
    if (!created && !sameLines(reservation.items, wanted.items)) {
      throw conflict('CONFLICT', 'This order already has a reservation for other lines', { orderId });
    }
    if (reservation.state === 'ABANDONED' && reservation.settled) {
      await deps.reservations.removeAbandoned(orderId);
      continue;
    }
    return answer(reservation.state === 'PENDING' ? await takeLines(reservation, deps) : reservation);
  }
  throw unavailable('The reservation kept changing; retry');
}

async function takeLines(r: Reservation, deps: ReserveDeps): Promise<Reservation> {
  const short: ShortLine[] = [];
  for (const line of r.items) {
    if (short.length > 0) {
      // Already refused: only report the other short lines, take nothing more.
      const stock = await deps.stock.find(line.productId);
      const s = shortLine(line, stock && { available: stock.available, heldByOrder: isHeldBy(stock, r.orderId) });
      if (s) short.push(s);
      continue;
    }
    const taken = await deps.stock.hold(r.orderId, line);
    if (!taken.held) short.push({ productId: line.productId, requested: line.quantity, available: taken.available });
  }
  const won = short.length > 0
    ? await deps.reservations.transition(r.orderId, 'PENDING', 'REJECTED', { shortLines: short, settled: false })
    : await deps.reservations.transition(r.orderId, 'PENDING', 'RESERVED', { expiresAt: expiryOf(deps.now(), deps.ttlMs), settled: true });
  if (won) deps.onDecided?.(short.length > 0 ? 'REJECTED' : 'RESERVED');
  const decided = await deps.reservations.find(r.orderId);
  if (!decided) throw unavailable('The reservation was being replaced; retry');
  // A losing attempt gives back what it took when the winner refused; any other stray hold is left to the sweeper's audit.
  if (won || lineEffectOf(decided.state) === 'release') await applyToStock(decided, deps);
  return decided;
}

// A refusal is an answer, not an error: Dapr's circuit breaker counts every non-2xx reply to the caller as a failure,
// and refusals are normal when shoppers race for the last units.
function answer(r: Reservation): Reservation {
  if (r.state === 'PENDING' || r.state === 'ABANDONED') throw unavailable('Another attempt for this order is in progress; retry');
  return r;
}
