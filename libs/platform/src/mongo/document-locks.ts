// One writer at a time per key, held as a document with a unique _id. FerretDB v1 applies an update as a read and a
// later write, so two conditional updates of one document can both succeed (lost updates); a unique insert is the one
// write it makes atomic. Writers still guard each write with a condition (version or state), which MongoDB relies on.
import { randomUUID } from 'node:crypto';
import { unavailable } from '../errors/app-error.js';
import type { Collection, Connection } from 'mongoose';

interface LockDocument {
  _id: string;
  owner: string;
  /** A holder that died leaves its lock; after this time the next writer takes it over. */
  until: Date;
}

export interface LockTimings {
  leaseMs: number;
  waitMs: number;
}

const duplicateKey = 11_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits less than callers' 3 s invocation timeout, so a busy record answers 503 (retried by Dapr) before the call times out. */
export class DocumentLocks {
  private readonly collection: Collection<LockDocument>;

  constructor(connection: Connection, private readonly timings: LockTimings = { leaseMs: 10_000, waitMs: 2_500 }) {
    this.collection = connection.collection<LockDocument>('locks');
  }

  async withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const owner = randomUUID();
    await this.acquire(key, owner);
    try {
      return await work();
    } finally {
      await this.collection.deleteOne({ _id: key, owner });
    }
  }

  private async acquire(key: string, owner: string): Promise<void> {
    const deadline = Date.now() + this.timings.waitMs;
    for (let attempt = 0; ; attempt++) {
      try {
        await this.collection.insertOne({ _id: key, owner, until: new Date(Date.now() + this.timings.leaseMs) });
        return;
      } catch (err) {
        if ((err as { code?: unknown }).code !== duplicateKey) throw err;
      }
      const holder = await this.collection.findOne({ _id: key });
      if (holder && holder.until.getTime() < Date.now()) await this.collection.deleteOne({ _id: key, owner: holder.owner });
      if (Date.now() > deadline) throw unavailable('The record is busy; retry', { details: { key } });
      // Jittered back-off, short: a lock is held for a few milliseconds.
      await sleep(Math.min(2 ** attempt, 40) * (0.5 + Math.random()));
    }
  }
}
