import type { Redis } from 'ioredis';
import { defaultIdempotencyTimings, type ClaimResult, type IdempotencyStore, type IdempotencyTimings } from '../subscriptions/idempotency-store.js';

const inFlight = 'in-flight';
const done = 'done';

/** SET NX PX: the claim is a key that expires with its lease; completing rewrites it with the retention. */
export class RedisIdempotencyStore implements IdempotencyStore {
  private readonly leaseMs: number;
  private readonly retentionMs: number;

  /** `namespace` keeps consumers apart when services share one Redis, e.g. the service name. */
  constructor(
    private readonly redis: Redis,
    private readonly namespace: string,
    timings: IdempotencyTimings = {},
  ) {
    this.leaseMs = timings.leaseMs ?? defaultIdempotencyTimings.leaseMs;
    this.retentionMs = timings.retentionMs ?? defaultIdempotencyTimings.retentionMs;
  }

  async claim(eventId: string): Promise<ClaimResult> {
    const key = this.key(eventId);
    for (let attempt = 0; attempt < 3; attempt++) {
      if ((await this.redis.set(key, inFlight, 'PX', this.leaseMs, 'NX')) === 'OK') return 'claimed';
      const state = await this.redis.get(key);
      if (state === done) return 'done';
      if (state === inFlight) return 'in-flight';
      // The key lapsed between SET and GET: try to claim again.
    }
    return 'in-flight';
  }

  async complete(eventId: string): Promise<void> {
    await this.redis.set(this.key(eventId), done, 'PX', this.retentionMs);
  }

  async release(eventId: string): Promise<void> {
    await this.redis.del(this.key(eventId));
  }

  private key(eventId: string): string {
    return `${this.namespace}:processed-event:${eventId}`;
  }
}
