// The background loop that keeps reservations honest: expires the ones past their time, abandons PENDING ones left
// by a request that died, finishes state changes whose stock part was interrupted, and gives back stray holds.
import { repeatingTask, type Logger } from '@commercex/platform';
import type { StockRepository } from '../data-access/stock-repository.js';
import { isStrayHold } from '../domain/reservation.js';
import { applyToStock } from '../use-cases/apply-to-stock.js';
import type { InventoryDeps } from '../use-cases/inventory-deps.js';
import { expireReservation } from '../use-cases/settle-reservation.js';

export interface SweeperOptions {
  intervalMs: number;
  pendingTimeoutMs: number;
  /** How long a state change may take to reach the stock before the sweeper finishes it. */
  settleGraceMs: number;
  /** How often holds are audited against their reservations (a scan of every held product). */
  auditIntervalMs: number;
  onExpired: () => void;
  /** Slow periodic chores run with the audit (forgetting old handled event ids). */
  housekeeping?: () => Promise<void>;
  logger: Logger;
}

const batch = 100;

export function reservationSweeper(deps: InventoryDeps & { stock: StockRepository }, o: SweeperOptions) {
  let lastAudit = 0;

  const pass = async (): Promise<void> => {
    const now = deps.now();
    for (const r of await deps.reservations.dueToExpire(now, batch)) {
      if (await expireReservation(r, deps)) o.onExpired();
    }
    for (const r of await deps.reservations.pendingSince(new Date(now.getTime() - o.pendingTimeoutMs), batch)) {
      const cutoff = new Date(deps.now().getTime() - o.pendingTimeoutMs);
      if (await deps.reservations.transition(r.orderId, 'PENDING', 'ABANDONED', { settled: false, unchangedSince: cutoff })) {
        o.logger.warn({ orderId: r.orderId }, 'abandoned a reservation left PENDING by a request that died');
      }
    }
    for (const r of await deps.reservations.unsettledSince(new Date(now.getTime() - o.settleGraceMs), batch)) {
      await applyToStock(r, deps);
    }
    if (now.getTime() - lastAudit < o.auditIntervalMs) return;
    lastAudit = now.getTime();
    await o.housekeeping?.();
    for (const { productId, holds } of await deps.stock.withHolds(batch)) {
      for (const hold of holds) {
        if (!isStrayHold(await deps.reservations.find(hold.orderId))) continue;
        if (await deps.stock.release(hold.orderId, productId)) {
          o.logger.warn({ orderId: hold.orderId, productId }, 'gave back a stray hold');
        }
      }
    }
  };

  const task = repeatingTask(pass, { everyMs: o.intervalMs, logger: o.logger, what: 'reservation sweep' });
  return {
    /** One pass now (tests). */
    pass,
    start: () => task.start(),
    stop: () => task.stop(),
  };
}
