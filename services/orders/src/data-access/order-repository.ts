// Orders in MongoDB as plain objects; the outbox lives inside each order document.
import type { Connection, Model } from 'mongoose';
import type { Order, PendingEvent } from '../domain/order.js';
import { orderModel, type OrderDocument } from './order-model.js';

function toOrder(doc: OrderDocument): Order {
  const { _id, outbox: _outbox, ...rest } = doc;
  return { id: _id, ...rest } as Order;
}

export class OrderRepository {
  private readonly model: Model<OrderDocument>;

  constructor(connection: Connection) {
    this.model = orderModel(connection);
  }

  /** The order and its first event in one atomic insert. */
  async insertWithEvent(order: Order, event: PendingEvent): Promise<void> {
    const { id, ...rest } = order;
    await this.model.create({ _id: id, ...rest, outbox: [event] });
  }

  async findById(id: string): Promise<Order | undefined> {
    const doc = await this.model.findById(id).lean<OrderDocument>();
    return doc ? toOrder(doc) : undefined;
  }

  /** Orders with unpublished events, oldest first. */
  async withPendingEvents(limit: number): Promise<Array<{ orderId: string; events: PendingEvent[] }>> {
    const docs = await this.model
      .find({ 'outbox.0': { $exists: true } }, { outbox: 1 })
      .sort({ createdAt: 1 })
      .limit(limit)
      .lean<Array<Pick<OrderDocument, '_id' | 'outbox'>>>();
    return docs.map((d) => ({ orderId: d._id, events: d.outbox as PendingEvent[] }));
  }

  async markPublished(orderId: string, eventId: string): Promise<void> {
    await this.model.updateOne({ _id: orderId }, { $pull: { outbox: { eventId } } });
  }

  async countPendingEvents(): Promise<number> {
    return this.model.countDocuments({ 'outbox.0': { $exists: true } });
  }
}
