import type { EventOf } from '@commercex/contracts';

/** The event an expired reservation owes, so orders can cancel the order as EXPIRED. */
export interface ExpiryEvent {
  eventId: string;
  topic: 'inventory.reservation-expired';
  data: EventOf<'inventory.reservation-expired'>;
}

export function expiryEvent(orderId: string, expiredAt: Date, eventId: string): ExpiryEvent {
  return { eventId, topic: 'inventory.reservation-expired', data: { schemaVersion: 1, orderId, expiredAt: expiredAt.toISOString() } };
}
