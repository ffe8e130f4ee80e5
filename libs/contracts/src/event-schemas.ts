import type { z } from 'zod';
import { catalogProductChangedV1 } from './events/catalog-events.js';
import { inventoryReservationExpiredV1 } from './events/inventory-events.js';
import { ordersCancelledV1, ordersConfirmedV1, ordersCreatedV1 } from './events/order-events.js';
import { paymentsFailedV1, paymentsSucceededV1 } from './events/payment-events.js';
import { usersRegisteredV1 } from './events/user-events.js';
import { isTopic, topics, type Topic } from './topics.js';

/** The current schema of each topic's event data; validated on publish and on receipt. */
export const eventSchemas = {
  [topics.usersRegistered]: usersRegisteredV1,
  [topics.catalogProductChanged]: catalogProductChangedV1,
  [topics.ordersCreated]: ordersCreatedV1,
  [topics.ordersConfirmed]: ordersConfirmedV1,
  [topics.ordersCancelled]: ordersCancelledV1,
  [topics.paymentsSucceeded]: paymentsSucceededV1,
  [topics.paymentsFailed]: paymentsFailedV1,
  [topics.inventoryReservationExpired]: inventoryReservationExpiredV1,
} as const satisfies Record<Topic, z.ZodType>;

export type EventSchemas = typeof eventSchemas;

/** The data of an event on topic T, as handlers receive and publishers send it. */
export type EventOf<T extends Topic> = z.infer<EventSchemas[T]>;

// The field that names the aggregate, used as the partition key so one aggregate's events stay ordered.
const aggregateKeyField = {
  [topics.usersRegistered]: 'userId',
  [topics.catalogProductChanged]: 'productId',
  [topics.ordersCreated]: 'orderId',
  [topics.ordersConfirmed]: 'orderId',
  [topics.ordersCancelled]: 'orderId',
  [topics.paymentsSucceeded]: 'orderId',
  [topics.paymentsFailed]: 'orderId',
  [topics.inventoryReservationExpired]: 'orderId',
} as const satisfies { [T in Topic]: keyof EventOf<T> };

export function aggregateIdOf<T extends Topic>(topic: T, data: EventOf<T>): string {
  return String((data as Record<string, unknown>)[aggregateKeyField[topic]]);
}

export interface EventIssue {
  path: string;
  message: string;
}

export class EventValidationError extends Error {
  override readonly name = 'EventValidationError';

  constructor(
    readonly topic: string,
    readonly issues: readonly EventIssue[],
  ) {
    super(`invalid ${topic} event: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
  }
}

export type ParseEventResult<T extends Topic> =
  | { ok: true; data: EventOf<T> }
  | { ok: false; error: EventValidationError };

/** Validates event data against its topic's schema, without throwing. */
export function parseEvent<T extends Topic>(topic: T, data: unknown): ParseEventResult<T> {
  if (!isTopic(topic)) {
    return { ok: false, error: new EventValidationError(topic, [{ path: '', message: `unknown topic ${topic}` }]) };
  }
  const result = (eventSchemas[topic] as z.ZodType).safeParse(data);
  if (result.success) return { ok: true, data: result.data as EventOf<T> };
  const issues = result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  return { ok: false, error: new EventValidationError(topic, issues) };
}
