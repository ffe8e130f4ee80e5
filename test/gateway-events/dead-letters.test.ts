// GET /api/v1/admin/dead-letters through the real gateway and notifications: a poison message published to a subscribed
// topic ends on its dead-letter topic and administrators see it; customers are refused, and so is everyone without a token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../dev/stack/service-process.js';
import { newId } from '../notifications/notification-events.js';
import { expectedError, startShop, type Shop } from '../shopping/support/shop.js';
import { eventually, publish, startService } from '../support/test-stack.js';

let shop: Shop;
let notifications: RunningService;
let admin: string;
let customer: string;

beforeAll(async () => {
  // One after the other: services started at once can be handed the same free ports.
  shop = await startShop(['users']);
  notifications = await startService('notifications');
  [admin, customer] = await Promise.all([shop.api.adminToken(), shop.api.newCustomer().then((c) => c.token)]);
});

afterAll(async () => {
  await Promise.all([shop?.stop(), notifications?.stop()]);
});

describe('dead letters through the gateway', () => {
  it('when invalid data is published to orders.confirmed, then an administrator finds it in the listing of that topic', async () => {
    const orderId = newId('poison');
    const eventId = `${orderId}-confirmed`;
    // users publishes nothing to orders.*: this is what a faulty publisher would do.
    const poison = { schemaVersion: 1, orderId, userId: 'usr-x', items: 'not a list' };
    await publish('orders.confirmed', poison, eventId);

    const letter = await eventually('the dead letter listed through the gateway', async () => {
      const res = await shop.api.call('GET', '/api/v1/admin/dead-letters?topic=orders.confirmed&limit=50', { token: admin });
      expect(res.status).toBe(200);
      return (res.body.items as Array<{ eventId: string }>).find((d) => d.eventId === eventId);
    }, 90_000);
    expect(letter).toMatchObject({ id: `orders.confirmed.dlq/${eventId}`, topic: 'orders.confirmed', deadLetterTopic: 'orders.confirmed.dlq', data: poison, receivedAt: expect.any(String), attributes: expect.objectContaining({ topic: 'orders.confirmed' }) });

    const all = await shop.api.call('GET', '/api/v1/admin/dead-letters', { token: admin });
    expect(all.body.items.map((d: { eventId: string }) => d.eventId)).toContain(eventId);
    const other = await shop.api.call('GET', '/api/v1/admin/dead-letters?topic=payments.failed', { token: admin });
    expect(other.body.items.map((d: { eventId: string }) => d.eventId)).not.toContain(eventId);
  });

  it('when a customer asks, then 403 FORBIDDEN; without a token, 401 UNAUTHENTICATED', async () => {
    const asCustomer = await shop.api.call('GET', '/api/v1/admin/dead-letters', { token: customer });
    expect(asCustomer).toMatchObject({ status: 403, body: expectedError('FORBIDDEN') });
    const anonymous = await shop.api.call('GET', '/api/v1/admin/dead-letters');
    expect(anonymous).toMatchObject({ status: 401, body: expectedError('UNAUTHENTICATED') });
  });

  it('when the topic is unknown or the limit out of range, then 400 VALIDATION_FAILED', async () => {
    for (const query of ['topic=nope', 'topic=orders.confirmed.dlq', 'limit=0', 'limit=501', 'limit=ten']) {
      const res = await shop.api.call('GET', `/api/v1/admin/dead-letters?${query}`, { token: admin });
      expect(res.status, query).toBe(400);
      expect(res.body).toEqual(expectedError('VALIDATION_FAILED'));
    }
  });

  it('when the OpenAPI document is read, then the listing is an admin route with its response schema', async () => {
    const doc = (await shop.api.call('GET', '/api/v1/openapi.json')).body;
    const op = doc.paths['/api/v1/admin/dead-letters'].get;
    expect(op.security).toEqual([{ bearerAuth: [] }]);
    expect(op.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/DeadLetterList' });
    expect(doc.components.schemas.DeadLetter.required).toEqual(expect.arrayContaining(['id', 'topic', 'deadLetterTopic', 'eventId', 'receivedAt']));
    expect(Object.keys(op.responses)).toEqual(['200', '400', '401', '403', '429', '503']);
  });
});
