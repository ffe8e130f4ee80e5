import { describe, expect, it } from 'vitest';
import { allTopics, deadLetterTopic, isDeadLetterTopic, isTopic, services, topics } from '../src/index.js';

describe('topics', () => {
  it('when naming a dead-letter topic, then it is the topic with .dlq', () => {
    expect(deadLetterTopic(topics.ordersCreated)).toBe('orders.created.dlq');
    expect(isDeadLetterTopic('orders.created.dlq')).toBe(true);
    expect(isDeadLetterTopic('orders.created')).toBe(false);
  });

  it('when checking a string, then only known topics pass', () => {
    expect(isTopic('payments.failed')).toBe(true);
    expect(isTopic('payments.refunded')).toBe(false);
  });

  it('when the service catalog names a topic, then it is a known topic or the dead-letter topic of one', () => {
    const named = services.flatMap((s) => [...s.publishes, ...s.subscribes]);
    const known = (t: string) => isTopic(t) || allTopics.some((topic) => deadLetterTopic(topic) === t);
    expect(named.filter((t) => !known(t))).toEqual([]);
    expect(services.flatMap((s) => s.publishes).filter(isDeadLetterTopic)).toEqual([]);
  });

  it('when every topic is listed, then each one is published by some service', () => {
    const published = new Set(services.flatMap((s) => s.publishes));
    expect(allTopics.filter((t) => !published.has(t))).toEqual([]);
  });
});
