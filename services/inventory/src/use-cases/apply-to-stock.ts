// Makes the stock reflect a reservation's state. Every line operation is keyed by the order id, so running this again
// (a redelivered event, the sweeper after a crash, a concurrent attempt) changes nothing more.
import { lineEffectOf, type Reservation } from '../domain/reservation.js';
import type { InventoryDeps } from './inventory-deps.js';

export async function applyToStock(r: Reservation, deps: Pick<InventoryDeps, 'stock' | 'reservations'>): Promise<void> {
  const effect = lineEffectOf(r.state);
  if (effect === 'commit') for (const line of r.items) await deps.stock.commit(r.orderId, line.productId);
  if (effect === 'release') for (const line of r.items) await deps.stock.release(r.orderId, line.productId);
  if (effect !== undefined) await deps.reservations.markSettled(r.orderId, r.state);
}
