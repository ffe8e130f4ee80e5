import { Schema, type Connection, type Model } from 'mongoose';

// One document holds the account and its unpublished events: one insert writes both (no transactions needed).
export interface UserDocument {
  _id: string;
  email: string;
  name: string;
  roles: string[];
  passwordHash: string;
  createdAt: string;
  outbox: unknown[];
}

const userSchema = new Schema<UserDocument>(
  {
    _id: { type: String, required: true },
    email: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    roles: { type: [String], required: true },
    passwordHash: { type: String, required: true },
    createdAt: { type: String, required: true },
    outbox: { type: [Schema.Types.Mixed], default: [] },
  },
  { versionKey: false, collection: 'users', minimize: false },
);

export async function userModel(connection: Connection): Promise<Model<UserDocument>> {
  const model = connection.models.User ?? connection.model<UserDocument>('User', userSchema);
  // The unique email index must exist before the first registration, or two could slip in.
  await model.init();
  return model;
}
