// Live events fan out through Redis pub/sub: the replica that handles an event publishes it, and every replica passes
// it to the streams it holds, so a user connected to replica A sees what replica B consumed.
import type { Logger } from '@commercex/platform';
import type { Redis } from 'ioredis';
import { isLiveEvent, type LiveEvent } from '../domain/live-event.js';

export class LiveFeed {
  private subscriber: Redis | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly channel: string,
    private readonly logger: Logger,
  ) {}

  async publish(event: LiveEvent): Promise<void> {
    await this.redis.publish(this.channel, JSON.stringify(event));
  }

  /** Listens on a connection of its own (a subscribing Redis connection can do nothing else). */
  async start(deliver: (event: LiveEvent) => void): Promise<void> {
    const subscriber = this.redis.duplicate();
    subscriber.on('error', (err: unknown) => this.logger.warn({ err }, 'live feed connection failed; reconnecting'));
    subscriber.on('message', (_channel: string, text: string) => {
      let event: unknown;
      try {
        event = JSON.parse(text);
      } catch {
        event = undefined;
      }
      if (isLiveEvent(event)) deliver(event);
      else this.logger.warn('ignored a malformed live event');
    });
    await subscriber.subscribe(this.channel);
    this.subscriber = subscriber;
  }

  async stop(): Promise<void> {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }
}
