import { describe, expect, it } from 'vitest';
import { deadLetterFrom, originalTopic } from '../../src/domain/dead-letter.js';

const at = new Date('2026-01-01T00:00:00Z');

describe('dead letters', () => {
  it('when a CloudEvent arrives on a dead-letter topic, then it is kept with its original topic, id, data and attributes', () => {
    const envelope = { id: 'e1', source: 'users', type: 'com.dapr.event.sent', specversion: '1.0', topic: 'users.registered', traceparent: '00-abc-def-01', data: { bogus: true } };
    expect(deadLetterFrom('users.registered.dlq', envelope, at)).toEqual({
      id: 'users.registered.dlq/e1',
      topic: 'users.registered',
      deadLetterTopic: 'users.registered.dlq',
      eventId: 'e1',
      data: { bogus: true },
      attributes: { source: 'users', type: 'com.dapr.event.sent', specversion: '1.0', topic: 'users.registered', traceparent: '00-abc-def-01' },
      receivedAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it('when the data came base64-encoded, then it is decoded', () => {
    const d = deadLetterFrom('orders.created.dlq', { id: 'e2', data_base64: Buffer.from('{"a":1}').toString('base64') }, at);
    expect(d.data).toEqual({ a: 1 });
  });

  it('when the message is not a CloudEvent, then it is kept whole under an id derived from its content', () => {
    const a = deadLetterFrom('orders.created.dlq', 'not json', at);
    expect(a).toMatchObject({ topic: 'orders.created', data: 'not json', attributes: {} });
    expect(a.eventId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(deadLetterFrom('orders.created.dlq', 'not json', at).id).toBe(a.id);
  });

  it('when a topic is named, then the original topic is the name without .dlq', () => {
    expect(originalTopic('payments.failed.dlq')).toBe('payments.failed');
    expect(originalTopic('payments.failed')).toBe('payments.failed');
  });
});
