import { allTopics, cancellationReasons, orderStatuses } from '@commercex/contracts';
import { z } from 'zod';

export const notification = z
  .object({ id: z.string(), userId: z.string(), type: z.string(), message: z.string(), createdAt: z.string(), orderId: z.string().optional() })
  .meta({ id: 'Notification' });

export const notificationList = z.object({ items: z.array(notification) }).meta({ id: 'NotificationList' });

/** The data of each event on GET /api/v1/events, by event name (rendered as components, named in the document). */
export const liveEvents = {
  ready: z.object({ userId: z.string() }).meta({ id: 'StreamReady', description: 'Sent once the stream is live: whatever happens from now on reaches it' }),
  'order-status': z
    .object({ orderId: z.string(), status: z.enum(orderStatuses), reason: z.enum(cancellationReasons).optional(), at: z.string() })
    .meta({ id: 'OrderStatusChange', description: "One of the caller's orders changed status" }),
  notification,
} as const;

export const eventStream = z.string().meta({
  id: 'EventStream',
  description:
    'Server-Sent Events (text/event-stream). Each event is `event: <name>` and `data: <JSON>`; lines starting with `:` are heartbeats ' +
    '(every 15 s) and carry nothing. Events: `ready` (StreamReady), `order-status` (OrderStatusChange), `notification` (Notification).',
  example: 'event: ready\ndata: {"userId":"usr-1"}\n\n: heartbeat\n\nevent: order-status\ndata: {"orderId":"ord-1","status":"CONFIRMED","at":"2026-01-01T12:00:00.000Z"}\n\n',
});

export const deadLetterQuery = z.object({
  topic: z.enum(allTopics).optional().meta({ description: 'Only messages dead-lettered from this topic' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const deadLetterList = z
  .object({
    items: z.array(
      z.object({
        id: z.string().meta({ description: '<dead-letter topic>/<CloudEvent id>' }),
        topic: z.string().meta({ description: 'The topic the message was published to', example: 'users.registered' }),
        deadLetterTopic: z.string().meta({ example: 'users.registered.dlq' }),
        eventId: z.string().meta({ description: 'The CloudEvent id' }),
        data: z.unknown().meta({ description: 'The message data as it was published' }),
        attributes: z.record(z.string(), z.unknown()).meta({ description: 'The CloudEvent attributes (source, type, time, traceparent…)' }),
        receivedAt: z.string(),
      }).meta({ id: 'DeadLetter' }),
    ),
  })
  .meta({ id: 'DeadLetterList' });
