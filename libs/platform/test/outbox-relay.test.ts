import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createOutboxRelay, type OutboxStore, type PendingEvent } from '../src/outbox/outbox-relay.js';

function inMemoryOutbox(events: Record<string, PendingEvent[]>): OutboxStore & { pending: () => number } {
  return {
    withPendingEvents: async () => Object.entries(events).filter(([, e]) => e.length > 0).map(([aggregateId, e]) => ({ aggregateId, events: [...e] })),
    markPublished: async (orderId, eventId) => {
      events[orderId] = (events[orderId] ?? []).filter((e) => e.eventId !== eventId);
    },
    pending: () => Object.values(events).flat().length,
  };
}

const event = (id: string): PendingEvent => ({ eventId: id, topic: 'orders.created', data: {} });

describe('outbox relay', () => {
  it('when a pass publishes, then every pending event is published once and marked', async () => {
    const store = inMemoryOutbox({ o1: [event('e1')], o2: [event('e2')] });
    const published: string[] = [];
    const relay = createOutboxRelay(store, async (e) => { published.push(e.eventId); }, pino({ level: 'silent' }), 10);
    expect(await relay.drain()).toBe(2);
    expect(await relay.drain()).toBe(0);
    expect(published.sort()).toEqual(['e1', 'e2']);
    expect(store.pending()).toBe(0);
  });

  it('when publishing fails, then the event stays pending and the next pass publishes it with the same id', async () => {
    const store = inMemoryOutbox({ o1: [event('e1')] });
    let fail = true;
    const published: string[] = [];
    const relay = createOutboxRelay(store, async (e) => {
      if (fail) throw new Error('sidecar down');
      published.push(e.eventId);
    }, pino({ level: 'silent' }), 10);
    await expect(relay.drain()).rejects.toThrow('sidecar down');
    expect(store.pending()).toBe(1);
    fail = false;
    await relay.drain();
    expect(published).toEqual(['e1']);
  });
});
