// A poison message is dropped by its subscriber to the topic's dead-letter topic, and administrators can inspect it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../dev/stack/service-process.js';
import { callApp, eventually, publish, startService } from '../support/test-stack.js';
import { newId } from './notification-events.js';

interface DeadLetterView {
  id: string;
  topic: string;
  deadLetterTopic: string;
  eventId: string;
  data: unknown;
  attributes: Record<string, unknown>;
  receivedAt: string;
}

describe('dead letters', () => {
  let notifications: RunningService;
  const admin = { 'x-user-id': 'admin-1', 'x-user-roles': 'admin' };

  beforeAll(async () => {
    notifications = await startService('notifications');
  });

  afterAll(async () => {
    await notifications?.stop();
  });

  it('when invalid data is published to users.registered, then it reaches users.registered.dlq and administrators can list it', async () => {
    const userId = newId('poison');
    const eventId = `${userId}-registered`;
    const poison = { schemaVersion: 1, userId, email: 'not an email' };
    await publish('users.registered', poison, eventId);

    const letter = await eventually('the dead letter listed', async () => {
      const res = await callApp(notifications, 'GET', 'dead-letters?topic=users.registered', undefined, admin);
      expect(res.status).toBe(200);
      return (res.body as { items: DeadLetterView[] }).items.find((d) => d.eventId === eventId);
    }, 90_000);
    expect(letter).toMatchObject({ topic: 'users.registered', deadLetterTopic: 'users.registered.dlq', data: poison, id: `users.registered.dlq/${eventId}` });
    expect(Date.parse(letter.receivedAt)).toBeGreaterThan(Date.now() - 120_000);
    // Dapr forwards the original CloudEvent: no reason, but its trace id leads to the subscriber's log line naming it.
    expect(letter.attributes).toMatchObject({ topic: 'users.registered', type: 'com.dapr.event.sent', traceparent: expect.stringMatching(/^00-[0-9a-f]{32}-/) });

    const listed = await callApp(notifications, 'GET', 'notifications', undefined, { 'x-user-id': userId });
    expect((listed.body as { items: unknown[] }).items).toEqual([]);
  });

  it('when a caller is not an administrator, then dead letters are refused', async () => {
    expect(await callApp(notifications, 'GET', 'dead-letters', undefined, { 'x-user-id': 'u1', 'x-user-roles': 'customer' })).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    expect((await callApp(notifications, 'GET', 'dead-letters')).status).toBe(401);
  });
});
