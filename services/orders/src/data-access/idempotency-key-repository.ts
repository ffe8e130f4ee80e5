// Idempotency-Key records: which order a (user, key) produced and the hash of the request that produced it.
import { Schema, type Connection, type Model } from 'mongoose';

export interface IdempotencyRecord {
  userId: string;
  key: string;
  requestHash: string;
  orderId: string;
  createdAt: string;
}

interface KeyDocument extends Omit<IdempotencyRecord, 'userId' | 'key'> {
  _id: string;
  userId: string;
}

const keySchema = new Schema<KeyDocument>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    requestHash: { type: String, required: true },
    orderId: { type: String, required: true },
    createdAt: { type: String, required: true },
  },
  { versionKey: false, collection: 'idempotency_keys' },
);

const idOf = (userId: string, key: string) => `${userId}\u0000${key}`;

export class IdempotencyKeyRepository {
  private readonly model: Model<KeyDocument>;

  constructor(connection: Connection) {
    this.model = connection.models.IdempotencyKey ?? connection.model<KeyDocument>('IdempotencyKey', keySchema);
  }

  /** Records the key, or returns the record that was there first (a concurrent or earlier request). */
  async claim(record: IdempotencyRecord): Promise<IdempotencyRecord> {
    const { userId, key, ...rest } = record;
    try {
      await this.model.create({ _id: idOf(userId, key), userId, ...rest });
      return record;
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
      const existing = await this.model.findById(idOf(userId, key)).lean<KeyDocument>();
      if (!existing) throw err;
      return { userId, key, requestHash: existing.requestHash, orderId: existing.orderId, createdAt: existing.createdAt };
    }
  }

  /** Forgets a key whose request failed, so that retrying it is evaluated afresh. */
  async release(userId: string, key: string, orderId: string): Promise<void> {
    await this.model.deleteOne({ _id: idOf(userId, key), orderId });
  }
}
