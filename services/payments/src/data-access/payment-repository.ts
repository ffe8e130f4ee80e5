// Payments in MongoDB as plain objects, keyed by order id, with their unpublished events inside (outbox). Changes to
// an existing payment run under its lock: FerretDB v1 applies an update as a read and a later write, so settling and
// the relay removing a published event could otherwise overwrite each other.
import type { PendingEvent } from '@commercex/platform';
import { DocumentLocks, removeOutboxEvent } from '@commercex/platform/mongo';
import { Schema, type Connection, type Model } from 'mongoose';
import type { Payment, Settlement } from '../domain/payment.js';

interface PaymentDocument extends Omit<Payment, 'orderId'> {
  _id: string;
  outbox: unknown[];
}

const paymentSchema = new Schema<PaymentDocument>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    amount: { type: Schema.Types.Mixed, required: true },
    token: { type: String, required: true },
    status: { type: String, required: true },
    reason: { type: String },
    chargeId: { type: String },
    createdAt: { type: String, required: true },
    updatedAt: { type: String, required: true },
    outbox: { type: [Schema.Types.Mixed], default: [] },
  },
  { versionKey: false, collection: 'payments', minimize: false },
);

function toPayment(doc: PaymentDocument): Payment {
  const { _id, outbox: _outbox, ...rest } = doc;
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
    await this.model.updateOne({ _id: orderId }, { $setOnInsert: { ...rest, outbox: [] } }, { upsert: true });
    return (await this.findByOrderId(orderId))!;
  }

  async findByOrderId(orderId: string): Promise<Payment | undefined> {
    const doc = await this.model.findById(orderId).lean<PaymentDocument>();
    return doc ? toPayment(doc) : undefined;
  }

  /** Records the outcome and its event together, only while the payment is still pending. */
  async settle(orderId: string, s: Settlement): Promise<boolean> {
    return this.locks.withLock(lockKey(orderId), async () => {
      const result = await this.model.updateOne({ _id: orderId, status: 'PENDING' }, { $set: s.set, $push: { outbox: s.event } });
      return result.modifiedCount === 1;
    });
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
