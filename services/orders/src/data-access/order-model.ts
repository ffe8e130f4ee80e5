import { Schema, type Connection, type Model } from 'mongoose';

// The document holds the order and the events not yet published: one insert writes both (no transactions needed).
export interface OrderDocument {
  _id: string;
  userId: string;
  status: string;
  cancellationReason?: string;
  items: unknown[];
  total: { amount: number; currency: string };
  createdAt: string;
  updatedAt: string;
  history: unknown[];
  outbox: unknown[];
}

const orderSchema = new Schema<OrderDocument>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true, index: true },
    status: { type: String, required: true },
    cancellationReason: { type: String },
    items: { type: [Schema.Types.Mixed], required: true },
    total: { type: Schema.Types.Mixed, required: true },
    createdAt: { type: String, required: true },
    updatedAt: { type: String, required: true },
    history: { type: [Schema.Types.Mixed], required: true },
    outbox: { type: [Schema.Types.Mixed], default: [] },
  },
  { versionKey: false, collection: 'orders', minimize: false },
);

export function orderModel(connection: Connection): Model<OrderDocument> {
  return connection.models.Order ?? connection.model<OrderDocument>('Order', orderSchema);
}
