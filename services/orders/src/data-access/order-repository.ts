// Orders in MongoDB as plain objects; the outbox lives inside each order document. Changes to an existing order run
// under its lock: FerretDB v1 applies an update as a read and a later write, so a saga step and the relay removing a
// published event could otherwise overwrite each other.
import { DocumentLocks, removeOutboxEvent } from '@commercex/platform/mongo';
import type { Connection, Model } from 'mongoose';
import type { Order, PendingEvent } from '../domain/order.js';
import type { Transition } from '../domain/order-transitions.js';
import { orderModel, type OrderDocument } from './order-model.js';

function toOrder(doc: OrderDocument): Order {
  const { _id, outbox: _outbox, ...rest } = doc;
  return { id: _id, ...rest } as Order;
}

export class OrderRepository {
  private readonly model: Model<OrderDocument>;
  private readonly locks: DocumentLocks;

  constructor(connection: Connection, locks = new DocumentLocks(connection)) {
    this.model = orderModel(connection);
    this.locks = locks;
  }

  /** The order and its first event in one atomic insert. */
  async insertWithEvent(order: Order, event: PendingEvent): Promise<void> {
    const { id, ...rest } = order;
    await this.model.create({ _id: id, ...rest, outbox: [event] });
  }

  /** Inserts unless a concurrent request with the same key already did; returns the stored order either way. */
  async insertIfAbsent(order: Order, event: PendingEvent): Promise<Order> {
    try {
      await this.insertWithEvent(order, event);
      return order;
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
      const stored = await this.findById(order.id);
      if (!stored) throw err;
      return stored;
    }
  }

  async findById(id: string): Promise<Order | undefined> {
    const doc = await this.model.findById(id).lean<OrderDocument>();
    return doc ? toOrder(doc) : undefined;
  }

  /** Applies a transition only if the order is still in its from-state; false when another change won. */
  async apply(orderId: string, t: Transition): Promise<boolean> {
    return this.locks.withLock(lockKey(orderId), async () => {
      const result = await this.model.updateOne(
        { _id: orderId, status: t.from },
        { $set: t.set, $push: { history: t.history, outbox: t.event } },
      );
      return result.modifiedCount === 1;
    });
  }

  async listByUser(userId: string, limit = 100): Promise<Order[]> {
    const docs = await this.model.find({ userId }).sort({ createdAt: -1 }).limit(limit).lean<OrderDocument[]>();
    return docs.map(toOrder);
  }

  /** Orders with unpublished events, oldest first. */
  async withPendingEvents(limit: number): Promise<Array<{ aggregateId: string; events: PendingEvent[] }>> {
    const docs = await this.model
      .find({ 'outbox.0': { $exists: true } }, { outbox: 1 })
      .sort({ createdAt: 1 })
      .limit(limit)
      .lean<Array<Pick<OrderDocument, '_id' | 'outbox'>>>();
    return docs.map((d) => ({ aggregateId: d._id, events: d.outbox as PendingEvent[] }));
  }

  async markPublished(orderId: string, eventId: string): Promise<void> {
    await this.locks.withLock(lockKey(orderId), () => removeOutboxEvent(this.model.collection, orderId, eventId));
  }

  async countPendingEvents(): Promise<number> {
    return this.model.countDocuments({ 'outbox.0': { $exists: true } });
  }
}

const lockKey = (orderId: string) => `order:${orderId}`;
