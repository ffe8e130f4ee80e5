// Payments in MongoDB as plain objects, keyed by order id, with their unpublished events inside (outbox).
import type { PendingEvent } from '@commercex/platform';
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

  constructor(connection: Connection) {
    this.model = connection.models.Payment ?? connection.model<PaymentDocument>('Payment', paymentSchema);
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
    const result = await this.model.updateOne({ _id: orderId, status: 'PENDING' }, { $set: s.set, $push: { outbox: s.event } });
    return result.modifiedCount === 1;
  }

  async withPendingEvents(limit: number): Promise<Array<{ aggregateId: string; events: PendingEvent[] }>> {
    const docs = await this.model.find({ 'outbox.0': { $exists: true } }, { outbox: 1 }).sort({ updatedAt: 1 }).limit(limit).lean<Array<Pick<PaymentDocument, '_id' | 'outbox'>>>();
    return docs.map((d) => ({ aggregateId: d._id, events: d.outbox as PendingEvent[] }));
  }

  async markPublished(orderId: string, eventId: string): Promise<void> {
    await this.model.updateOne({ _id: orderId }, { $pull: { outbox: { eventId } } });
  }
}
