import { allTopics } from '@commercex/contracts';
import { z } from 'zod';

export const notification = z
  .object({ id: z.string(), userId: z.string(), type: z.string(), message: z.string(), createdAt: z.string(), orderId: z.string().optional() })
  .meta({ id: 'Notification' });

export const notificationList = z.object({ items: z.array(notification) }).meta({ id: 'NotificationList' });

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
