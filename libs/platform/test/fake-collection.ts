// A tiny in-memory stand-in for the few MongoDB collection operations the idempotency store uses.
type Doc = Record<string, unknown> & { _id: string };
type Filter = Record<string, unknown>;

function matches(doc: Doc, filter: Filter): boolean {
  return Object.entries(filter).every(([field, condition]) => {
    const value = doc[field];
    if (condition && typeof condition === 'object' && '$lt' in condition) {
      const limit = (condition as { $lt: Date }).$lt;
      return value instanceof Date && value.getTime() < limit.getTime();
    }
    return value === condition;
  });
}

export class FakeCollection {
  readonly docs = new Map<string, Doc>();

  async insertOne(doc: Doc) {
    if (this.docs.has(doc._id)) throw Object.assign(new Error('E11000 duplicate key error'), { code: 11000 });
    this.docs.set(doc._id, { ...doc });
    return { acknowledged: true, insertedId: doc._id };
  }

  async findOne(filter: Filter) {
    return [...this.docs.values()].find((doc) => matches(doc, filter)) ?? null;
  }

  async findOneAndUpdate(filter: Filter, update: { $set: Filter }) {
    const doc = await this.findOne(filter);
    if (doc) Object.assign(doc, update.$set);
    return doc;
  }

  async updateOne(filter: Filter, update: { $set: Filter }) {
    const doc = await this.findOne(filter);
    if (doc) Object.assign(doc, update.$set);
    return { matchedCount: doc ? 1 : 0 };
  }

  async deleteOne(filter: Filter) {
    const doc = await this.findOne(filter);
    if (doc) this.docs.delete(doc._id);
    return { deletedCount: doc ? 1 : 0 };
  }

  async deleteMany(filter: Filter) {
    const gone = [...this.docs.values()].filter((doc) => matches(doc, filter));
    for (const doc of gone) this.docs.delete(doc._id);
    return { deletedCount: gone.length };
  }
}
