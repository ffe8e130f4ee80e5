// Reservations keyed by order id, as plain objects; the events they owe (reservation-expired) wait inside them (outbox).
// Every change to a document is made under its lock and guarded by its version (see DocumentLocks in @commercex/platform/mongo).
import { unavailable, type PendingEvent } from '@commercex/platform';
import { Schema, type Connection, type Model } from 'mongoose';
import type { Line, Reservation, ReservationState, ShortLine } from '../domain/reservation.js';
import type { DocumentLocks } from '@commercex/platform/mongo';

interface ReservationDocument extends Omit<Reservation, 'orderId' | 'items' | 'shortLines'> {
  _id: string;
  items: unknown[];
  shortLines?: unknown[];
  expiredAt?: Date;
  outbox: unknown[];
  version: number;
}

const reservationSchema = new Schema<ReservationDocument>(
  {
    _id: { type: String, required: true },
    state: { type: String, required: true },
    items: { type: [Schema.Types.Mixed], required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    expiresAt: { type: Date },
    expiredAt: { type: Date },
    shortLines: { type: [Schema.Types.Mixed], default: undefined },
    settled: { type: Boolean, required: true },
    outbox: { type: [Schema.Types.Mixed], default: [] },
    version: { type: Number, required: true },
  },
  { versionKey: false, collection: 'reservations', minimize: false },
);
reservationSchema.index({ state: 1, expiresAt: 1 });

function toReservation(doc: ReservationDocument): Reservation {
  const { _id, outbox: _outbox, expiredAt: _expiredAt, version: _version, ...rest } = doc;
  const r: Reservation = { orderId: _id, ...rest, items: rest.items as Line[], shortLines: rest.shortLines as ShortLine[] | undefined };
  if (!r.shortLines) delete r.shortLines;
  if (!r.expiresAt) delete r.expiresAt;
  return r;
}

export interface TransitionChange {
  expiresAt?: Date;
  expiredAt?: Date;
  shortLines?: ShortLine[];
  settled: boolean;
  event?: PendingEvent;
  /** Only if the reservation has not changed since then (used to abandon a PENDING one left behind). */
  unchangedSince?: Date;
}

export class ReservationRepository {
  private readonly model: Model<ReservationDocument>;

  constructor(connection: Connection, private readonly locks: DocumentLocks) {
    this.model = connection.models.Reservation ?? connection.model<ReservationDocument>('Reservation', reservationSchema);
  }

  /** Inserts the reservation, or returns the one this order already has (a retry or a concurrent call). */
  async insertOrGet(r: Reservation): Promise<{ created: boolean; reservation: Reservation }> {
    const { orderId, ...rest } = r;
    try {
      await this.model.create({ _id: orderId, ...rest, outbox: [], version: 0 });
      return { created: true, reservation: r };
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
      const existing = await this.find(orderId);
      if (!existing) return this.insertOrGet(r);
      return { created: false, reservation: existing };
    }
  }

  async find(orderId: string): Promise<Reservation | undefined> {
    const doc = await this.model.findById(orderId).lean<ReservationDocument>();
    return doc ? toReservation(doc) : undefined;
  }

  /** Moves the reservation from one state to another only if it is still in the first: false when another change won. */
  async transition(orderId: string, from: ReservationState, to: ReservationState, change: TransitionChange): Promise<boolean> {
    const { event, unchangedSince, ...fields } = change;
    return this.change(orderId, (doc) => {
      if (doc.state !== from || (unchangedSince && doc.updatedAt >= unchangedSince)) return undefined;
      return { ...fields, state: to, updatedAt: new Date(), ...(event ? { outbox: [...doc.outbox, event] } : {}) };
    });
  }

  async markSettled(orderId: string, state: ReservationState): Promise<void> {
    await this.change(orderId, (doc) => (doc.state === state && !doc.settled ? { settled: true } : undefined));
  }

  /** Forgets an abandoned attempt whose stock was given back, so the order can try again from the start. */
  async removeAbandoned(orderId: string): Promise<void> {
    await this.locks.withLock(`reservation/${orderId}`, () => this.model.deleteOne({ _id: orderId, state: 'ABANDONED', settled: true }));
  }

  async dueToExpire(now: Date, limit: number): Promise<Reservation[]> {
    return this.list({ state: 'RESERVED', expiresAt: { $lte: now } }, limit);
  }

  async pendingSince(cutoff: Date, limit: number): Promise<Reservation[]> {
    return this.list({ state: 'PENDING', updatedAt: { $lt: cutoff } }, limit);
  }

  /** Reservations whose new state is not yet reflected in the stock (a handler died midway). */
  async unsettledSince(cutoff: Date, limit: number): Promise<Reservation[]> {
    return this.list({ settled: false, state: { $ne: 'PENDING' }, updatedAt: { $lt: cutoff } }, limit);
  }

  async withPendingEvents(limit: number): Promise<Array<{ aggregateId: string; events: PendingEvent[] }>> {
    const docs = await this.model.find({ 'outbox.0': { $exists: true } }, { outbox: 1 }).sort({ updatedAt: 1 }).limit(limit).lean<Array<Pick<ReservationDocument, '_id' | 'outbox'>>>();
    return docs.map((d) => ({ aggregateId: d._id, events: d.outbox as PendingEvent[] }));
  }

  // Not $pull with a condition: FerretDB v1 ignores it silently.
  async markPublished(orderId: string, eventId: string): Promise<void> {
    await this.change(orderId, (doc) => ({ outbox: doc.outbox.filter((e) => (e as PendingEvent).eventId !== eventId) }));
  }

  async countPendingEvents(): Promise<number> {
    return this.model.countDocuments({ 'outbox.0': { $exists: true } });
  }

  async hasPendingEvents(orderId: string): Promise<boolean> {
    return (await this.model.countDocuments({ _id: orderId, 'outbox.0': { $exists: true } })) > 0;
  }

  /** Writes the fields the decision returns, under the document's lock and only if its version is unchanged. */
  private change(orderId: string, decide: (doc: ReservationDocument) => Partial<ReservationDocument> | undefined): Promise<boolean> {
    return this.locks.withLock(`reservation/${orderId}`, async () => {
      const doc = await this.model.findById(orderId).lean<ReservationDocument>();
      const fields = doc && decide(doc);
      if (!doc || !fields) return false;
      const written = await this.model.updateOne({ _id: orderId, version: doc.version }, { $set: { ...fields, version: doc.version + 1 } });
      if (written.modifiedCount !== 1) throw unavailable('The reservation changed concurrently; retry', { details: { orderId } });
      return true;
    });
  }

  private async list(filter: Record<string, unknown>, limit: number): Promise<Reservation[]> {
    const docs = await this.model.find(filter).sort({ updatedAt: 1 }).limit(limit).lean<ReservationDocument[]>();
    return docs.map(toReservation);
  }
}
