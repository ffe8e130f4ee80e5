import { Schema, type Connection, type Model } from 'mongoose';

// One document holds the product and its unpublished events: one write changes both (no transactions needed).
export interface ProductDocument {
  _id: string;
  sku: string;
  name: string;
  description: string;
  category: string;
  price: { amount: number; currency: string };
  updatedAt: string;
  outbox: unknown[];
}

const productSchema = new Schema<ProductDocument>(
  {
    _id: { type: String, required: true },
    sku: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    description: { type: String, default: '' },
    category: { type: String, required: true, index: true },
    price: { type: Schema.Types.Mixed, required: true },
    updatedAt: { type: String, required: true },
    outbox: { type: [Schema.Types.Mixed], default: [] },
  },
  { versionKey: false, collection: 'products', minimize: false },
);

export async function productModel(connection: Connection): Promise<Model<ProductDocument>> {
  const model = connection.models.Product ?? connection.model<ProductDocument>('Product', productSchema);
  await model.init();
  return model;
}
