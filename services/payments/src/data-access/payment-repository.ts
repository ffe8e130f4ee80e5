// Payments in MongoDB as plain objects, keyed by order id, with their unpublished events inside (outbox). Changes to
// an existing payment run under its lock: FerretDB v1 applies an update as a read and a later write, so settling,
// recording a cancellation and the relay removing a published event could otherwise overwrite each other.
import type { PendingEvent } from '@commercex/platform';
import { DocumentLocks, removeOutboxEvent } from '@commercex/platform/mongo';
import { Schema, type Connection, type Model } from 'mongoose';
import type { Payment, PaymentChange } from '../domain/payment.js';

interface PaymentDocument extends Omit<Payment, 'orderId'> {
  _id: string;
  outbox: unknown[];
}

const paymentSchema = new Schema<PaymentDocument>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    amount: { type: Schema.Types.Mixed, required: true },
    status: { type: String, required: true },
    reason: { type: String },
    chargeId: { type: String },
    cancelledAt: { type: String },
    refundedAt: { type: String },
    createdAt: { type: String, required: true },
    updatedAt: { type: String, required: true },
    outbox: { type: [Schema.Types.Mixed], default: [] },
  },
  { versionKey: false, collection: 'payments', minimize: false },
);

function toPayment(doc: PaymentDocument): Payment {
  // Payments stored before the token left the record still carry it: it is not shown.
  const { _id, outbox: _outbox, token: _token, ...rest } = doc as PaymentDocument & { token?: string };
  return { orderId: _id, ...rest } as Payment;
}

export class PaymentRepository {
  private readonly model: Model<PaymentDocument>;
  private readonly locks: DocumentLocks;

  constructor(connection: Connection, locks = new DocumentLocks(connection)) {
    this.model = connection.models.Payment ?? connection.model<PaymentDocument>('Payment', paymentSchema);
    this.locks = locks;
  }

  /** The order's payment: created on first sight, the existing one on any later delivery. */
  async open(payment: Payment): Promise<Payment> {
    const { orderId, ...rest } = payment;
    // Only an absent payment is written: an upsert that finds one is still a read and a write on FerretDB v1.
    const existing = await this.findByOrderId(orderId);
    if (existing) return existing;
    await this.model.updateOne({ _id: orderId }, { $setOnInsert: { ...rest, outbox: [] } }, { upsert: true });
    return (await this.findByOrderId(orderId))!;
  }

  async findByOrderId(orderId: string): Promise<Payment | undefined> {
    const doc = await this.model.findById(orderId).lean<PaymentDocument>();
    return doc ? toPayment(doc) : undefined;
  }

  /**
   * Decides a change on the payment as it is now and records it with its event, under the payment's lock and only
   * while its status is still the one decided on. Returns the payment after, and whether an event was added.
   */
  async apply(orderId: string, decide: (current: Payment) => PaymentChange | undefined): Promise<{ payment: Payment | undefined; changed: boolean; published: boolean }> {
    return this.locks.withLock(lockKey(orderId), async () => {
      const current = await this.findByOrderId(orderId);
      const change = current && decide(current);
      if (!change) return { payment: current, changed: false, published: false };
      const update = change.event ? { $set: change.set, $push: { outbox: change.event } } : { $set: change.set };
      const result = await this.model.updateOne({ _id: orderId, status: change.from }, update);
      const changed = result.modifiedCount === 1;
      return { payment: changed ? { ...current, ...change.set } : await this.findByOrderId(orderId), changed, published: changed && change.event !== undefined };
    });
  }

  /** Charged for orders that are cancelled, the refund not yet recorded (a refund that kept failing is tried again). */
  async owingRefunds(limit: number): Promise<Payment[]> {
    const docs = await this.model.find({ status: 'SUCCEEDED', cancelledAt: { $exists: true } }).sort({ updatedAt: 1 }).limit(limit).lean<PaymentDocument[]>();
    return docs.map(toPayment);
  }

  async withPendingEvents(limit: number): Promise<Array<{ aggregateId: string; events: PendingEvent[] }>> {
    const docs = await this.model.find({ 'outbox.0': { $exists: true } }, { outbox: 1 }).sort({ updatedAt: 1 }).limit(limit).lean<Array<Pick<PaymentDocument, '_id' | 'outbox'>>>();
    return docs.map((d) => ({ aggregateId: d._id, events: d.outbox as PendingEvent[] }));
  }

  async markPublished(orderId: string, eventId: string): Promise<void> {
    await this.locks.withLock(lockKey(orderId), () => removeOutboxEvent(this.model.collection, orderId, eventId));
  }
}

const lockKey = (orderId: string) => `payment:${orderId}`;
