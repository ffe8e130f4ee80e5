/**
 * claimed: this delivery handles the event. done: it was handled already (a duplicate).
 * in-flight: another delivery holds a live claim (or crashed holding it); answer RETRY until the claim ends or its lease expires.
 */
export type ClaimResult = 'claimed' | 'done' | 'in-flight';

/** Remembers which events a consumer has handled, so at-least-once delivery has its effects once. */
export interface IdempotencyStore {
  claim(eventId: string): Promise<ClaimResult>;
  /** Marks a claimed event handled; it stays remembered for the store's retention. */
  complete(eventId: string): Promise<void>;
  /** Gives a claim back so a redelivery can handle the event. */
  release(eventId: string): Promise<void>;
}

export interface IdempotencyTimings {
  /** How long a claim protects an event being handled; a crashed handler's claim lapses after it. */
  leaseMs?: number;
  /** How long handled event ids are remembered; longer than any redelivery can arrive. */
  retentionMs?: number;
}

// The lease is short: a claim only guards against a second delivery while the first is handled (handlers are also
// idempotent by domain key). After a crash mid-event, the restarted process's redeliveries (Dapr retries them for
// several seconds, deliveryRetry in components/*/resiliency.yaml) find the dead handler's claim lapsed and take it over;
// a 60 s lease made them answer RETRY until the event was dead-lettered.
export const defaultIdempotencyTimings = { leaseMs: 5_000, retentionMs: 7 * 24 * 3_600_000 } as const;
