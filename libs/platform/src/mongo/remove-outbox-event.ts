import type { Collection } from 'mongoose';

/**
 * Removes one published event from an aggregate's outbox array. FerretDB v1 ignores `$pull` with a condition on
 * subdocuments (`{ $pull: { outbox: { eventId } } }` matches but modifies nothing), so the stored element is read
 * and pulled by its exact value, which MongoDB and FerretDB both honour; events pushed meanwhile stay.
 */
export async function removeOutboxEvent(collection: Pick<Collection, 'findOne' | 'updateOne'>, aggregateId: string, eventId: string, field = 'outbox'): Promise<void> {
  const doc = await collection.findOne({ _id: aggregateId as never }, { projection: { [field]: 1 } });
  const stored = (doc?.[field] as Array<{ eventId?: unknown }> | undefined)?.find((event) => event.eventId === eventId);
  if (stored === undefined) return;
  await collection.updateOne({ _id: aggregateId as never }, { $pull: { [field]: stored } } as never);
}
