// Dead-lettered messages in MongoDB, kept once each by topic and CloudEvent id.
import { Schema, type Connection, type Model } from 'mongoose';
import type { DeadLetter } from '../domain/dead-letter.js';

interface DeadLetterDocument extends Omit<DeadLetter, 'id'> {
  _id: string;
}

const deadLetterSchema = new Schema<DeadLetterDocument>(
  {
    _id: { type: String, required: true },
    topic: { type: String, required: true },
    deadLetterTopic: { type: String, required: true },
    eventId: { type: String, required: true },
    data: { type: Schema.Types.Mixed },
    attributes: { type: Schema.Types.Mixed, default: {} },
    receivedAt: { type: String, required: true },
  },
  { versionKey: false, collection: 'dead_letters', minimize: false },
);

function toDeadLetter(doc: DeadLetterDocument): DeadLetter {
  const { _id, ...rest } = doc;
  return { id: _id, ...rest };
}

export class DeadLetterRepository {
  private readonly model: Model<DeadLetterDocument>;

  constructor(connection: Connection) {
    this.model = connection.models.DeadLetter ?? connection.model<DeadLetterDocument>('DeadLetter', deadLetterSchema);
  }

  async insertIfAbsent(d: DeadLetter): Promise<boolean> {
    const { id, ...rest } = d;
    try {
      await this.model.create({ _id: id, ...rest });
      return true;
    } catch (err) {
      if ((err as { code?: number }).code === 11000) return false;
      throw err;
    }
  }

  async list(filter: { topic?: string | undefined }, limit: number): Promise<DeadLetter[]> {
    const query = filter.topic ? { topic: filter.topic } : {};
    const docs = await this.model.find(query).sort({ receivedAt: -1, _id: -1 }).limit(limit).lean<DeadLetterDocument[]>();
    return docs.map(toDeadLetter);
  }
}
