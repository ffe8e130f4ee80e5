// Every topic's dead-letter topic, subscribed with a raw route: these messages are poison by definition, so they are
// stored as they came instead of going through the schema-validating router. GET /dapr/subscribe serves both lists.
import { allTopics, deadLetterTopic } from '@commercex/contracts';
import type { Logger, SubscriptionRouter } from '@commercex/platform';
import express, { Router } from 'express';
import type { DeadLetterRepository } from '../../data-access/dead-letter-repository.js';
import { deadLetterFrom, type DeadLetter } from '../../domain/dead-letter.js';

export interface DeadLetterSubscriptionDeps {
  pubsubName: string;
  subscriptions: SubscriptionRouter;
  deadLetters: DeadLetterRepository;
  logger: Logger;
  onRecorded: (d: DeadLetter) => void;
}

const routePrefix = '/dead-letters/incoming';

function parsed(body: unknown): unknown {
  if (!Buffer.isBuffer(body)) return body;
  const text = body.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Mount before the subscription router: its GET /dapr/subscribe answers for both. */
export function deadLetterSubscriptions(deps: DeadLetterSubscriptionDeps): Router {
  const entries = allTopics.map((t) => ({ pubsubname: deps.pubsubName, topic: deadLetterTopic(t), route: `${routePrefix}/${deadLetterTopic(t)}` }));
  const known = new Set(entries.map((e) => e.topic));
  const router = Router();

  router.get('/dapr/subscribe', (_req, res) => {
    res.json([...deps.subscriptions.subscriptions(), ...entries]);
  });

  router.post(`${routePrefix}/:topic`, express.raw({ type: () => true, limit: '1mb' }), async (req, res) => {
    const topic = req.params.topic as string;
    if (!known.has(topic)) {
      res.status(404).json({ status: 'DROP' });
      return;
    }
    const deadLetter = deadLetterFrom(topic, parsed(req.body), new Date());
    try {
      if (await deps.deadLetters.insertIfAbsent(deadLetter)) deps.onRecorded(deadLetter);
      deps.logger.warn({ topic: deadLetter.topic, eventId: deadLetter.eventId }, 'dead-lettered message recorded');
      res.json({ status: 'SUCCESS' });
    } catch (err) {
      deps.logger.warn({ err, topic }, 'could not record a dead letter; asking Dapr to redeliver');
      res.json({ status: 'RETRY' });
    }
  });

  return router;
}
