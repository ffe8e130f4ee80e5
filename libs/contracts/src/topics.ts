// Every pub/sub topic in one place; publishers, subscribers and Dapr scopes derive from it.
export const topics = {
  usersRegistered: 'users.registered',
  catalogProductChanged: 'catalog.product-changed',
  ordersCreated: 'orders.created',
  ordersConfirmed: 'orders.confirmed',
  ordersCancelled: 'orders.cancelled',
  paymentsSucceeded: 'payments.succeeded',
  paymentsFailed: 'payments.failed',
  inventoryReservationExpired: 'inventory.reservation-expired',
} as const;

export type Topic = (typeof topics)[keyof typeof topics];

export const allTopics: readonly Topic[] = Object.values(topics);

export function isTopic(value: string): value is Topic {
  return (allTopics as readonly string[]).includes(value);
}

const deadLetterSuffix = '.dlq';

/** The dead-letter topic of a topic: the one naming rule for subscriptions, scopes and tooling. */
export function deadLetterTopic(topic: string): string {
  return `${topic}${deadLetterSuffix}`;
}

export function isDeadLetterTopic(topic: string): boolean {
  return topic.endsWith(deadLetterSuffix);
}
