import type { ReservationRepository } from '../data-access/reservation-repository.js';
import type { StockRepository } from '../data-access/stock-repository.js';

/** What the inventory use cases work with. */
export interface InventoryDeps {
  stock: StockRepository;
  reservations: ReservationRepository;
  now: () => Date;
}
