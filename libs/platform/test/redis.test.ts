import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedis, RedisIdempotencyStore, type RedisHandle } from '../src/redis/index.js';
import { itBehavesLikeAnIdempotencyStore } from './idempotency-contract.js';

// A throwaway redis-server on a free port; npm test installs the binary with the toolchain.
const hasRedis = spawnSync('redis-server', ['--version']).status === 0;

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('redis helpers (real redis-server)', () => {
  let server: ChildProcess | undefined;
  let redis: RedisHandle;
  let url: string;

  beforeAll(async () => {
    if (!hasRedis) throw new Error('redis-server is not on PATH: run `npm run toolchain -- redis` or `apt-get install redis-server`');
    const port = await freePort();
    url = `redis://127.0.0.1:${port}`;
    server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    redis = createRedis(url);
    for (let attempt = 0; ; attempt++) {
      try {
        await redis.ready();
        break;
      } catch (err) {
        if (attempt > 50) throw err;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  });

  afterAll(async () => {
    await redis?.close();
    server?.kill();
  });

  describe('RedisIdempotencyStore', () => {
    itBehavesLikeAnIdempotencyStore(() => new RedisIdempotencyStore(redis.client, `test-${Math.random().toString(36).slice(2)}`));

    it('when a claim outlives its lease, then the next delivery can claim it', async () => {
      const store = new RedisIdempotencyStore(redis.client, 'lease-test', { leaseMs: 50 });
      expect(await store.claim('e')).toBe('claimed');
      await new Promise((resolve) => setTimeout(resolve, 80));
      expect(await store.claim('e')).toBe('claimed');
    });

    it('when completed, then the key keeps the retention as its expiry and is namespaced', async () => {
      const store = new RedisIdempotencyStore(redis.client, 'orders', { retentionMs: 60_000 });
      await store.claim('topic/e');
      await store.complete('topic/e');
      const ttl = await redis.client.pttl('orders:processed-event:topic/e');
      expect(ttl).toBeGreaterThan(50_000);
    });
  });

  it('when Redis answers, then ready resolves', async () => {
    await expect(redis.ready()).resolves.toBeUndefined();
  });
});

describe('createRedis', () => {
  it('when nothing listens, then ready rejects instead of hanging', async () => {
    const handle = createRedis(`redis://127.0.0.1:${await freePort()}`);
    try {
      await expect(handle.ready()).rejects.toThrow();
    } finally {
      await handle.close();
    }
  }, 15_000);
});
