// Payments in MongoDB as plain objects, keyed by order id.
import { Schema, type Connection, type Model } from 'mongoose';
import type { Payment } from '../domain/payment.js';

interface PaymentDocument extends Omit<Payment, 'orderId'> {
  _id: string;
  /** Deliveries of an order event that reached this repository: stays 1 while event deduplication works. */
  applied: number;
}

const paymentSchema = new Schema<PaymentDocument>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    amount: { type: Schema.Types.Mixed, required: true },
    status: { type: String, required: true },
    sourceEventId: { type: String, required: true },
    createdAt: { type: String, required: true },
    applied: { type: Number, required: true },
  },
  { versionKey: false, collection: 'payments' },
);

export interface StoredPayment extends Payment {
  applied: number;
}

export class PaymentRepository {
  private readonly model: Model<PaymentDocument>;

  constructor(connection: Connection) {
    this.model = connection.models.Payment ?? connection.model<PaymentDocument>('Payment', paymentSchema);
  }

  /** Creates the order's payment, or counts a repeated application if it exists (the domain-key guard). */
  async record(payment: Payment): Promise<'created' | 'existed'> {
    const { orderId, ...rest } = payment;
    const result = await this.model.updateOne(
      { _id: orderId },
      { $setOnInsert: { ...rest }, $inc: { applied: 1 } },
      { upsert: true },
    );
    return result.upsertedCount === 1 ? 'created' : 'existed';
  }

  async findByOrderId(orderId: string): Promise<StoredPayment | undefined> {
    const doc = await this.model.findById(orderId).lean<PaymentDocument>();
    if (!doc) return undefined;
    const { _id, ...rest } = doc;
    return { orderId: _id, ...rest };
  }
}
