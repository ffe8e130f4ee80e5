// Accounts in MongoDB as plain objects; the users.registered event lives in the account document until published.
import { conflict } from '@commercex/platform';
import type { PendingEvent as RelayEvent } from '@commercex/platform';
import { removeOutboxEvent } from '@commercex/platform/mongo';
import type { Model } from 'mongoose';
import type { PendingEvent, User } from '../domain/user.js';
import type { UserDocument } from './user-model.js';

export interface StoredUser {
  user: User;
  passwordHash: string;
}

const duplicateKey = 11_000;

function toStored(doc: UserDocument): StoredUser {
  const { _id, passwordHash, email, name, roles, createdAt } = doc;
  return { user: { id: _id, email, name, roles: roles as User['roles'], createdAt }, passwordHash };
}

export class UserRepository {
  constructor(private readonly model: Model<UserDocument>) {}

  /** The account and its event in one atomic insert; an email already in use is 409 EMAIL_TAKEN. */
  async insert(user: User, passwordHash: string, event: PendingEvent): Promise<void> {
    const { id, ...rest } = user;
    try {
      await this.model.create({ _id: id, ...rest, passwordHash, outbox: [event] });
    } catch (err) {
      if ((err as { code?: unknown }).code === duplicateKey) throw conflict('EMAIL_TAKEN', 'An account with this email already exists');
      throw err;
    }
  }

  async findByEmail(email: string): Promise<StoredUser | undefined> {
    const doc = await this.model.findOne({ email }).lean<UserDocument>();
    return doc ? toStored(doc) : undefined;
  }

  async findById(id: string): Promise<User | undefined> {
    const doc = await this.model.findById(id).lean<UserDocument>();
    return doc ? toStored(doc).user : undefined;
  }

  async withPendingEvents(limit: number): Promise<Array<{ aggregateId: string; events: RelayEvent[] }>> {
    const docs = await this.model.find({ 'outbox.0': { $exists: true } }, { outbox: 1 }).sort({ createdAt: 1 }).limit(limit).lean<Array<Pick<UserDocument, '_id' | 'outbox'>>>();
    return docs.map((d) => ({ aggregateId: d._id, events: d.outbox as RelayEvent[] }));
  }

  async markPublished(userId: string, eventId: string): Promise<void> {
    await removeOutboxEvent(this.model.collection, userId, eventId);
  }
}
