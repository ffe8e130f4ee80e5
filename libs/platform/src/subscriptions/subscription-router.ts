import { deadLetterTopic as dlqOf, parseEvent, type EventOf, type Topic } from '@commercex/contracts';
import { Router } from 'express';
import type { Registry } from 'prom-client';
import { metricsRegistry } from '../http/metrics-registry.js';
import type { Logger } from '../logging/logger.js';
import { cloudEventData, cloudEventSchema } from './cloud-event.js';
import type { IdempotencyStore } from './idempotency-store.js';
import { PoisonEventError } from './poison-event-error.js';
import { subscriptionMetrics, type DropReason, type SubscriptionMetrics } from './subscription-metrics.js';

export interface EventContext {
  id: string;
  topic: Topic;
  source?: string | undefined;
  time?: string | undefined;
  logger: Logger;
}

export type EventHandler<T extends Topic> = (data: EventOf<T>, context: EventContext) => Promise<void>;

/** One entry of GET /dapr/subscribe (programmatic subscription). */
export interface DaprSubscription {
  pubsubname: string;
  topic: string;
  route: string;
  deadLetterTopic: string;
}

export interface SubscriptionRouterOptions {
  pubsubName: string;
  idempotency: IdempotencyStore;
  logger: Logger;
  metrics?: Registry;
  /** Path under which events arrive: `${routePrefix}/<topic>`. */
  routePrefix?: string;
}

export interface SubscriptionRouter {
  /** Mount it with createHttpApp({ routes: [subscriptions.router] }). */
  readonly router: Router;
  on<T extends Topic>(topic: T, handler: EventHandler<T>, options?: { deadLetterTopic?: string }): SubscriptionRouter;
  subscriptions(): DaprSubscription[];
}

type Status = 'SUCCESS' | 'RETRY' | 'DROP';

/**
 * Dapr subscriptions with schema validation and deduplication. Poison events answer DROP; with a deadLetterTopic
 * on the subscription, Dapr (1.13+, dapr/dapr#7097) forwards a dropped message there. Handler failures answer RETRY.
 */
export function createSubscriptionRouter(options: SubscriptionRouterOptions): SubscriptionRouter {
  const { pubsubName, idempotency, logger, routePrefix = '/events' } = options;
  const metrics = subscriptionMetrics(options.metrics ?? metricsRegistry);
  const entries: DaprSubscription[] = [];
  const router = Router();

  router.get('/dapr/subscribe', (_req, res) => {
    res.json(entries);
  });

  const subscriptionRouter: SubscriptionRouter = {
    router,
    subscriptions: () => [...entries],
    on(topic, handler, subscriptionOptions = {}) {
      if (entries.some((entry) => entry.topic === topic)) throw new Error(`${topic} already has a handler`);
      const route = `${routePrefix}/${topic}`;
      const deadLetterTopic = subscriptionOptions.deadLetterTopic ?? dlqOf(topic);
      entries.push({ pubsubname: pubsubName, topic, route, deadLetterTopic });
      router.post(route, async (req, res) => {
        const status = await deliver(topic, handler as EventHandler<Topic>, req.body, { idempotency, logger, metrics, deadLetterTopic });
        res.json({ status });
      });
      return subscriptionRouter;
    },
  };
  return subscriptionRouter;
}

interface Deps {
  idempotency: IdempotencyStore;
  logger: Logger;
  metrics: SubscriptionMetrics;
  deadLetterTopic: string;
}

async function deliver(topic: Topic, handler: EventHandler<Topic>, body: unknown, deps: Deps): Promise<Status> {
  const { idempotency, metrics } = deps;
  const envelope = cloudEventSchema.safeParse(body);
  if (!envelope.success) return drop(deps, topic, 'invalid_envelope', 'the body is not a CloudEvent with an id');
  const { id, source, time } = envelope.data;
  const log = deps.logger.child({ eventId: id, topic });
  const parsed = parseEvent(topic, cloudEventData(envelope.data));
  if (!parsed.ok) return drop({ ...deps, logger: log }, topic, 'invalid_data', parsed.error.message);

  // Keyed by topic too: ids are unique per publisher, not across every topic.
  const key = `${topic}/${id}`;
  let claim;
  try {
    claim = await idempotency.claim(key);
  } catch (err) {
    log.warn({ err }, 'idempotency store unavailable; asking Dapr to redeliver');
    return retried(metrics, topic);
  }
  if (claim === 'done') {
    log.info('duplicate event ignored');
    metrics.events.inc({ topic, outcome: 'duplicate' });
    return 'SUCCESS';
  }
  if (claim === 'in-flight') {
    log.info('event is being handled by another delivery; asking Dapr to redeliver');
    return retried(metrics, topic);
  }

  const stopTimer = metrics.duration.startTimer({ topic });
  try {
    await handler(parsed.data, { id, topic, source, time, logger: log });
  } catch (err) {
    await idempotency.release(key).catch((releaseErr: unknown) => log.warn({ err: releaseErr }, 'could not release the claim; it lapses with its lease'));
    if (err instanceof PoisonEventError) return drop({ ...deps, logger: log }, topic, 'rejected_by_handler', err.message);
    log.warn({ err }, 'event handler failed; asking Dapr to redeliver');
    return retried(metrics, topic);
  } finally {
    stopTimer();
  }
  await idempotency.complete(key).catch((err: unknown) => log.warn({ err }, 'could not mark the event handled'));
  metrics.events.inc({ topic, outcome: 'handled' });
  return 'SUCCESS';
}

function retried(metrics: SubscriptionMetrics, topic: Topic): Status {
  metrics.events.inc({ topic, outcome: 'retried' });
  return 'RETRY';
}

function drop(deps: Deps, topic: Topic, reason: DropReason, detail: string): Status {
  deps.logger.error({ reason, detail, deadLetterTopic: deps.deadLetterTopic }, `poison event dropped to the dead-letter topic: ${detail}`);
  deps.metrics.events.inc({ topic, outcome: 'dropped' });
  deps.metrics.deadLettered.inc({ topic, reason });
  return 'DROP';
}
