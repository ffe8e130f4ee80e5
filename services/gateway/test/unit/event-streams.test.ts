import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { createLogger, errorHandler, unavailable } from '@commercex/platform';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { upstreamPath, type ApiRoute } from '../../src/api/route-definition.js';
import type { SidecarStreamRequest as StreamRequest } from '@commercex/platform';
import { eventStreams, type EventStreams, type OpenStream } from '../../src/entry-points/http/event-streams.js';

const logger = createLogger({ service: 'gateway-test', level: 'silent' });
const route = { upstream: { appId: 'notifications', path: upstreamPath('events') } } as ApiRoute;
const encoder = new TextEncoder();

/** An upstream whose chunks the test writes one at a time. */
function controlledUpstream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c), cancel: () => void (cancelled = true) });
  return {
    response: new Response(body, { headers: { 'content-type': 'text/event-stream' } }),
    send: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
    cancelled: () => cancelled,
  };
}

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(open: OpenStream): Promise<{ url: string; streams: EventStreams; requests: StreamRequest[] }> {
  const requests: StreamRequest[] = [];
  const streams = eventStreams({ open: (appId, method, request) => (requests.push(request), open(appId, method, request)), openTimeoutMs: 1_000, logger });
  const app = express();
  app.get('/events', (_req, res, next) => {
    res.locals.caller = { userId: 'usr-1', roles: ['customer'] };
    next();
  }, streams.relay(route));
  app.use(errorHandler(logger));
  server = createServer(app).listen(0);
  await new Promise((r) => server!.once('listening', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`, streams, requests };
}

async function nextText(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string> {
  const { value, done } = await reader.read();
  return done ? '<end>' : new TextDecoder().decode(value);
}

describe('event stream relay', () => {
  it('when the upstream sends chunks, then each reaches the client before the next is sent, and the end ends the client stream', async () => {
    const upstream = controlledUpstream();
    const { url, streams, requests } = await serve(async () => upstream.response);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(requests[0]!.headers).toEqual({ 'x-user-id': 'usr-1', 'x-user-roles': 'customer' });
    const reader = res.body!.getReader();
    upstream.send('event: ready\ndata: {}\n\n');
    expect(await nextText(reader)).toBe('event: ready\ndata: {}\n\n');
    upstream.send(': heartbeat\n\n');
    expect(await nextText(reader)).toBe(': heartbeat\n\n');
    expect(streams.count()).toBe(1);
    upstream.end();
    expect(await nextText(reader)).toBe('<end>');
    expect(streams.count()).toBe(0);
  });

  it('when the client leaves, then the upstream request is aborted and its body cancelled', async () => {
    const upstream = controlledUpstream();
    const { url, streams, requests } = await serve(async () => upstream.response);
    const client = new AbortController();
    const res = await fetch(url, { signal: client.signal });
    upstream.send('event: ready\n\n');
    await res.body!.getReader().read();
    client.abort();
    await expect.poll(() => requests[0]!.signal.aborted).toBe(true);
    await expect.poll(() => streams.count()).toBe(0);
  });

  it('when the gateway stops, then closeAll ends every open stream', async () => {
    const upstream = controlledUpstream();
    const { url, streams } = await serve(async () => upstream.response);
    const reader = (await fetch(url)).body!.getReader();
    upstream.send('event: ready\n\n');
    await nextText(reader);
    streams.closeAll();
    expect(await nextText(reader)).toBe('<end>');
    await expect.poll(() => upstream.cancelled()).toBe(true);
  });

  it('when the upstream refuses with its own 4xx, then the client gets that error as JSON', async () => {
    const { url } = await serve(async () => Response.json({ error: { code: 'UNAUTHENTICATED', message: 'x-user-id is required' } }, { status: 401 }));
    const res = await fetch(url);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'x-user-id is required' } });
  });

  it('when the upstream fails, answers JSON instead of a stream, or cannot be reached, then 503 UNAVAILABLE before any stream starts', async () => {
    const failures: OpenStream[] = [
      async () => Response.json({ errorCode: 'ERR_DIRECT_INVOKE', message: 'failed to invoke, id: notifications' }, { status: 500 }),
      async () => Response.json({ items: [] }),
      () => Promise.reject(unavailable('notifications did not open the stream')),
    ];
    for (const open of failures) {
      const { url } = await serve(open);
      const res = await fetch(url);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ error: { code: 'UNAVAILABLE', message: 'A service this request needs is unavailable; retry later' } });
      await new Promise<void>((resolve) => server!.close(() => resolve()));
      server = undefined;
    }
  });
});
