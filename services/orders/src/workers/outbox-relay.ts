// Publishes the events waiting in order documents. After a crash it resumes from the documents themselves;
// an event published but not yet marked is published again with the same id, and consumers drop the duplicate.
import type { Logger } from '@commercex/platform';
import type { PendingEvent } from '../domain/order.js';

export interface OutboxStore {
  withPendingEvents(limit: number): Promise<Array<{ orderId: string; events: PendingEvent[] }>>;
  markPublished(orderId: string, eventId: string): Promise<void>;
}

export type Publish = (event: PendingEvent) => Promise<void>;

export interface OutboxRelay {
  /** One pass over the backlog; returns how many events it published. */
  drain(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

export function createOutboxRelay(store: OutboxStore, publish: Publish, logger: Logger, pollMs: number): OutboxRelay {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;

  const drain = async (): Promise<number> => {
    let published = 0;
    for (const { orderId, events } of await store.withPendingEvents(100)) {
      for (const event of events) {
        await publish(event);
        await store.markPublished(orderId, event.eventId);
        published += 1;
      }
    }
    return published;
  };

  const tick = () => {
    running = drain()
      .catch((err: unknown) => logger.warn({ err }, 'outbox relay pass failed; retrying on the next tick'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, pollMs);
      });
  };

  return {
    drain,
    start: () => {
      stopped = false;
      tick();
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
