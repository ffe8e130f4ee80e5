import type { Collection, Connection } from 'mongoose';
import { defaultIdempotencyTimings, type ClaimResult, type IdempotencyStore, type IdempotencyTimings } from '../subscriptions/idempotency-store.js';

interface ProcessedEvent {
  _id: string;
  state: 'in-flight' | 'done';
  claimedAt: Date;
  doneAt?: Date;
}

/** The collection operations the store needs; a mongoose or driver collection fits. */
export type ProcessedEventCollection = Pick<Collection<ProcessedEvent>, 'insertOne' | 'findOneAndUpdate' | 'findOne' | 'updateOne' | 'deleteOne' | 'deleteMany'>;

const duplicateKey = 11_000;

/**
 * Dedupe through a unique _id insert. FerretDB has no TTL indexes, so entries carry timestamps:
 * a lapsed in-flight claim is taken over, and purgeHandledBefore() removes old handled ids.
 */
export class MongoIdempotencyStore implements IdempotencyStore {
  private readonly leaseMs: number;
  private readonly retentionMs: number;

  constructor(
    private readonly collection: ProcessedEventCollection,
    timings: IdempotencyTimings = {},
    private readonly now: () => Date = () => new Date(),
  ) {
    this.leaseMs = timings.leaseMs ?? defaultIdempotencyTimings.leaseMs;
    this.retentionMs = timings.retentionMs ?? defaultIdempotencyTimings.retentionMs;
  }

  static forConnection(connection: Connection, collectionName = 'processed_events', timings?: IdempotencyTimings): MongoIdempotencyStore {
    return new MongoIdempotencyStore(connection.collection<ProcessedEvent>(collectionName), timings);
  }

  async claim(eventId: string): Promise<ClaimResult> {
    const now = this.now();
    try {
      await this.collection.insertOne({ _id: eventId, state: 'in-flight', claimedAt: now });
      return 'claimed';
    } catch (err) {
      if ((err as { code?: unknown }).code !== duplicateKey) throw err;
    }
    const lapsed = new Date(now.getTime() - this.leaseMs);
    const taken = await this.collection.findOneAndUpdate(
      { _id: eventId, state: 'in-flight', claimedAt: { $lt: lapsed } },
      { $set: { claimedAt: now } },
    );
    if (taken) return 'claimed';
    const existing = await this.collection.findOne({ _id: eventId });
    if (!existing) return this.claim(eventId);
    return existing.state === 'done' ? 'done' : 'in-flight';
  }

  async complete(eventId: string): Promise<void> {
    await this.collection.updateOne({ _id: eventId }, { $set: { state: 'done', doneAt: this.now() } });
  }

  async release(eventId: string): Promise<void> {
    await this.collection.deleteOne({ _id: eventId, state: 'in-flight' });
  }

  /** Forgets handled events older than the retention; call it from a periodic job. Returns how many went. */
  async purgeHandledBefore(cutoff: Date = new Date(this.now().getTime() - this.retentionMs)): Promise<number> {
    const result = await this.collection.deleteMany({ state: 'done', doneAt: { $lt: cutoff } });
    return result.deletedCount;
  }
}
