import type { ClaimResult, IdempotencyStore } from '../subscriptions/idempotency-store.js';

/** For unit tests only: nothing survives the process and there are no leases. */
export class InMemoryIdempotencyStore implements IdempotencyStore {
  readonly states = new Map<string, 'in-flight' | 'done'>();

  async claim(eventId: string): Promise<ClaimResult> {
    const state = this.states.get(eventId);
    if (state) return state;
    this.states.set(eventId, 'in-flight');
    return 'claimed';
  }

  async complete(eventId: string): Promise<void> {
    this.states.set(eventId, 'done');
  }

  async release(eventId: string): Promise<void> {
    if (this.states.get(eventId) === 'in-flight') this.states.delete(eventId);
  }
}
