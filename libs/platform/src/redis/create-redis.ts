import { Redis } from 'ioredis';

export interface RedisHandle {
  client: Redis;
  /** Readiness check: rejects unless Redis answers PING. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** ioredis connecting at once; a command fails after a couple of retries instead of queueing while Redis is down. */
export function createRedis(url: string): RedisHandle {
  const client = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true, connectTimeout: 5_000 });
  // Without a listener ioredis reports every reconnect failure as an unhandled error event.
  client.on('error', () => undefined);
  return {
    client,
    ready: async () => {
      const answer = await client.ping();
      if (answer !== 'PONG') throw new Error(`Redis answered ${answer}`);
    },
    close: async () => {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
