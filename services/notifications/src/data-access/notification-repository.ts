// Notifications in MongoDB as plain objects; inserted once by their deterministic id, never updated.
import { Schema, type Connection, type Model } from 'mongoose';
import type { Notification } from '../domain/notification.js';

interface NotificationDocument extends Omit<Notification, 'id'> {
  _id: string;
}

const notificationSchema = new Schema<NotificationDocument>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true, index: true },
    type: { type: String, required: true },
    message: { type: String, required: true },
    createdAt: { type: String, required: true },
    orderId: { type: String },
  },
  { versionKey: false, collection: 'notifications' },
);

function toNotification(doc: NotificationDocument): Notification {
  const { _id, ...rest } = doc;
  return { id: _id, ...rest };
}

export class NotificationRepository {
  private readonly model: Model<NotificationDocument>;

  constructor(connection: Connection) {
    this.model = connection.models.Notification ?? connection.model<NotificationDocument>('Notification', notificationSchema);
  }

  /** True when stored now; false when it was stored before (a redelivery). */
  async insertIfAbsent(n: Notification): Promise<boolean> {
    const { id, ...rest } = n;
    try {
      await this.model.create({ _id: id, ...rest });
      return true;
    } catch (err) {
      if ((err as { code?: number }).code === 11000) return false;
      throw err;
    }
  }

  /** Newest first; ties (events of one instant) in a stable order. */
  async listByUser(userId: string, limit = 100): Promise<Notification[]> {
    const docs = await this.model.find({ userId }).sort({ createdAt: -1, _id: -1 }).limit(limit).lean<NotificationDocument[]>();
    return docs.map(toNotification);
  }
}
