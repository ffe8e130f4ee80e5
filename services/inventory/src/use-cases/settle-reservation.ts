// An order's outcome settles its reservation once: RESERVED → COMMITTED (confirmed) or RELEASED (cancelled).
// A redelivered event, or one for a reservation that already expired, changes nothing; one that finds the state
// changed but the stock not yet (a crash midway) finishes the stock part.
import { randomUUID } from 'node:crypto';
import { expiryEvent } from '../domain/expiry-event.js';
import { canSettle, type Reservation } from '../domain/reservation.js';
import { applyToStock } from './apply-to-stock.js';
import type { InventoryDeps } from './inventory-deps.js';

export type SettleResult = 'settled' | 'already-settled' | 'unknown' | 'pending';

export async function settleReservation(orderId: string, outcome: 'COMMITTED' | 'RELEASED', deps: InventoryDeps): Promise<SettleResult> {
  const r = await deps.reservations.find(orderId);
  if (!r) return 'unknown';
  if (r.state === 'PENDING') return 'pending';
  const won = canSettle(r.state) && (await deps.reservations.transition(orderId, 'RESERVED', outcome, { settled: false }));
  const now = await deps.reservations.find(orderId);
  if (now && !now.settled) await applyToStock(now, deps);
  return won ? 'settled' : 'already-settled';
}

/** Expires one reservation past its time: the state change carries its reservation-expired event (outbox). */
export async function expireReservation(r: Reservation, deps: InventoryDeps): Promise<boolean> {
  const expiredAt = deps.now();
  const event = expiryEvent(r.orderId, expiredAt, randomUUID());
  const won = await deps.reservations.transition(r.orderId, 'RESERVED', 'EXPIRED', { expiredAt, settled: false, event });
  const now = await deps.reservations.find(r.orderId);
  if (now && !now.settled) await applyToStock(now, deps);
  return won;
}
