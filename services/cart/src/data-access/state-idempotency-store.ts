// Handled event ids in the Dapr state store (cart has no database of its own): a create-only write claims an id,
// the claim lapses with its TTL if the handler dies, and a handled id is kept for the retention.
import { defaultIdempotencyTimings, type ClaimResult, type DaprSidecar, type IdempotencyStore } from '@commercex/platform';

export class StateIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly dapr: DaprSidecar,
    private readonly store: string,
  ) {}

  async claim(eventId: string): Promise<ClaimResult> {
    try {
      await this.dapr.saveState(this.store, keyOf(eventId), 'in-flight', { etag: '0', metadata: ttl(defaultIdempotencyTimings.leaseMs) });
      return 'claimed';
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'CONFLICT') throw err;
    }
    const entry = await this.dapr.getState<string>(this.store, keyOf(eventId));
    if (!entry) return this.claim(eventId);
    return entry.value === 'done' ? 'done' : 'in-flight';
  }

  async complete(eventId: string): Promise<void> {
    await this.dapr.saveState(this.store, keyOf(eventId), 'done', { metadata: ttl(defaultIdempotencyTimings.retentionMs) });
  }

  async release(eventId: string): Promise<void> {
    await this.dapr.deleteState(this.store, keyOf(eventId));
  }
}

// Ids arrive as <topic>/<id>; a '/' in a key would become a path separator in the state API's URL.
const keyOf = (eventId: string) => `processed-event-${eventId.replaceAll('/', ':')}`;
const ttl = (ms: number) => ({ ttlInSeconds: String(Math.ceil(ms / 1000)) });
