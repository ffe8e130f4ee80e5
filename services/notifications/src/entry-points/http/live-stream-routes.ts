// GET /events: a Server-Sent Events stream of the caller's notifications and order status changes as they happen.
import { createSession, type Session } from 'better-sse';
import { Router } from 'express';
import type { LiveEvent } from '../../domain/live-event.js';
import { userIdOf } from './caller.js';

export interface LiveStreams {
  router: Router;
  /** Pushes an event to every open stream of its user on this replica. */
  deliver(event: LiveEvent): void;
  count(): number;
}

export function liveStreamRoutes(options: { heartbeatMs: number }): LiveStreams {
  const byUser = new Map<string, Set<Session>>();
  const router = Router();

  router.get('/events', async (req, res) => {
    const userId = userIdOf(req);
    // Proxies must not buffer the stream.
    const session = await createSession(req, res, { keepAlive: options.heartbeatMs, headers: { 'X-Accel-Buffering': 'no' } });
    const sessions = byUser.get(userId) ?? new Set<Session>();
    byUser.set(userId, sessions.add(session));
    session.once('disconnected', () => {
      sessions.delete(session);
      if (sessions.size === 0 && byUser.get(userId) === sessions) byUser.delete(userId);
    });
    // Tells the client the stream is live: whatever happens from now on reaches it.
    session.push({ userId }, 'ready');
  });

  return {
    router,
    deliver(event) {
      for (const session of byUser.get(event.userId) ?? []) if (session.isConnected) session.push(event.data, event.event);
    },
    count: () => [...byUser.values()].reduce((n, s) => n + s.size, 0),
  };
}
