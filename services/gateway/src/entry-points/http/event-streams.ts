// Server-Sent Events routes: the owning service's stream is relayed chunk by chunk, never buffered, for as long as
// the client stays; the client leaving closes the upstream, and the upstream ending ends the client's stream.
import { once } from 'node:events';
import { metricsRegistry, registerOnce, type Logger, type SidecarStreamRequest } from '@commercex/platform';
import type { Request, RequestHandler, Response } from 'express';
import { Gauge } from 'prom-client';
import type { ApiRoute } from '../../api/route-definition.js';
import { callerOf } from '../../auth/access-control.js';
import { callerHeaders } from '../../domain/caller.js';
import { isEventStream } from '../../domain/event-stream.js';
import { refusalOf, withoutInternals } from './upstream-errors.js';

export interface EventStreams {
  relay(route: ApiRoute): RequestHandler;
  /** Ends every open stream (on stop, so the drain does not wait for clients that would never leave). */
  closeAll(): void;
  count(): number;
}

/** Resolves with the answer as soon as its head arrives, whatever its status (DaprSidecar.invokeStream). */
export type OpenStream = (appId: string, method: string, request: SidecarStreamRequest) => Promise<globalThis.Response>;

export interface EventStreamOptions {
  open: OpenStream;
  openTimeoutMs: number;
  logger: Logger;
}

const streamHeaders = {
  'content-type': 'text/event-stream; charset=utf-8',
  // no-transform: a compressing proxy would hold events back.
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
};

const openStreams = registerOnce(metricsRegistry, 'gateway_event_streams', () =>
  new Gauge({ name: 'gateway_event_streams', help: 'Server-Sent Events streams open through this gateway', registers: [metricsRegistry] }));

export function eventStreams(options: EventStreamOptions): EventStreams {
  const open = new Set<AbortController>();

  /** Writes each chunk as it comes; the client leaving cancels the upstream body, which closes its connection. */
  async function pass(body: ReadableStream<Uint8Array>, res: Response, client: AbortSignal): Promise<void> {
    const reader = body.getReader();
    const cancel = () => void reader.cancel().catch(() => undefined);
    if (client.aborted) cancel();
    client.addEventListener('abort', cancel, { once: true });
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        if (!res.write(value)) await once(res, 'drain', { signal: client });
      }
    } catch {
      // The upstream broke off or the client left: either way this stream is over.
    } finally {
      client.removeEventListener('abort', cancel);
    }
  }

  const relay = (route: ApiRoute): RequestHandler => async (req: Request, res) => {
    const { appId, path } = route.upstream;
    const method = path(req.params as Record<string, string>);
    const client = new AbortController();
    res.once('close', () => client.abort());
    let upstream: globalThis.Response;
    try {
      upstream = await options.open(appId, method, { headers: callerHeaders(callerOf(res)), signal: client.signal, openTimeoutMs: options.openTimeoutMs });
    } catch (err) {
      if (client.signal.aborted) return;
      throw withoutInternals(err, options.logger);
    }
    if (!upstream.ok || !upstream.body || !isEventStream(upstream.headers.get('content-type'))) {
      const text = await upstream.text().catch(() => '');
      throw withoutInternals(refusalOf(appId, method, { status: upstream.status, text }), options.logger);
    }
    res.status(200).set(streamHeaders).flushHeaders();
    open.add(client);
    openStreams.inc();
    try {
      await pass(upstream.body, res, client.signal);
    } finally {
      open.delete(client);
      openStreams.dec();
      client.abort();
      if (!res.writableEnded && !res.destroyed) res.end();
    }
  };

  return {
    relay,
    closeAll: () => open.forEach((c) => c.abort()),
    count: () => open.size,
  };
}
