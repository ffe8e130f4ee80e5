// Publishes events kept inside aggregate documents (the outbox: one atomic write, no transaction). After a crash it
// resumes from the documents; an event published but not yet marked goes out again with the same id and consumers drop it.
import type { Topic } from '@commercex/contracts';
import { repeatingTask } from '../lifecycle/repeating-task.js';
import type { Logger } from '../logging/logger.js';

export interface PendingEvent<T extends Topic = Topic> {
  eventId: string;
  topic: T;
  data: unknown;
}

export interface OutboxStore {
  /** Aggregates with unpublished events, oldest first. */
  withPendingEvents(limit: number): Promise<Array<{ aggregateId: string; events: PendingEvent[] }>>;
  markPublished(aggregateId: string, eventId: string): Promise<void>;
}

export type Publish = (event: PendingEvent) => Promise<void>;

export interface OutboxRelay {
  /** One pass over the backlog; returns how many events it published. */
  drain(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

export function createOutboxRelay(store: OutboxStore, publish: Publish, logger: Logger, pollMs: number): OutboxRelay {
  let inFlight: Promise<number> | undefined;
  let again = false;

  const pass = async (): Promise<number> => {
    let published = 0;
    for (const { aggregateId, events } of await store.withPendingEvents(100)) {
      for (const event of events) {
        await publish(event);
        await store.markPublished(aggregateId, event.eventId);
        published += 1;
      }
    }
    return published;
  };

  // One pass at a time: a request for a pass while one runs gets another pass after it, never a parallel one.
  const drain = (): Promise<number> => {
    if (inFlight) {
      again = true;
      return inFlight;
    }
    inFlight = (async () => {
      let total = 0;
      try {
        do {
          again = false;
          total += await pass();
        } while (again);
        return total;
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  };

  const task = repeatingTask(drain, { everyMs: pollMs, logger, what: 'outbox relay pass' });
  return {
    drain,
    start: () => task.start(),
    stop: () => task.stop(),
  };
}
