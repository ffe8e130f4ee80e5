import { describe, expect, it } from 'vitest';
import { DaprSidecar, runWithRequestId } from '../src/index.js';

function recordingFetch(answer: (signal: AbortSignal) => Promise<Response>) {
  const calls: Array<{ url: string; headers: Record<string, string>; signal: AbortSignal }> = [];
  const fetchImpl = ((url: string, init: RequestInit) => {
    calls.push({ url, headers: init.headers as Record<string, string>, signal: init.signal! });
    return answer(init.signal!);
  }) as typeof fetch;
  return { calls, fetchImpl };
}

const streamsOf = (options: ConstructorParameters<typeof DaprSidecar>[0]) => {
  const dapr = new DaprSidecar(options);
  return (appId: string, method: string, request: Parameters<DaprSidecar['invokeStream']>[2]) => dapr.invokeStream(appId, method, request);
};

const never = (signal: AbortSignal) => new Promise<Response>((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)));

describe('streams through the sidecar', () => {
  it('when a stream is opened, then the sidecar is asked for an event stream with the caller, the app token and the request id', async () => {
    const { calls, fetchImpl } = recordingFetch(async () => new Response('event: ready\n\n', { headers: { 'content-type': 'text/event-stream' } }));
    const open = streamsOf({ host: '127.0.0.1', httpPort: 3500, apiToken: 'tok', fetch: fetchImpl });
    const res = await runWithRequestId('req-1', () => open('notifications', 'events', { headers: { 'x-user-id': 'usr-1' }, signal: new AbortController().signal, openTimeoutMs: 1_000 }));
    expect(await res.text()).toBe('event: ready\n\n');
    expect(calls[0]!.url).toBe('http://127.0.0.1:3500/v1.0/invoke/notifications/method/events');
    expect(calls[0]!.headers).toEqual({ 'x-user-id': 'usr-1', accept: 'text/event-stream', 'dapr-api-token': 'tok', 'x-request-id': 'req-1' });
  });

  it('when the answer does not begin in time, then UNAVAILABLE, and the request is abandoned', async () => {
    const { calls, fetchImpl } = recordingFetch(never);
    const open = streamsOf({ host: 'localhost', httpPort: 3500, fetch: fetchImpl });
    await expect(open('notifications', 'events', { headers: {}, signal: new AbortController().signal, openTimeoutMs: 50 })).rejects.toMatchObject({ code: 'UNAVAILABLE', status: 503 });
    expect(calls[0]!.signal.aborted).toBe(true);
    expect(calls[0]!.headers['dapr-api-token']).toBeUndefined();
  });

  it('when the answer has begun, then the open time limit no longer applies and only the client ends the stream', async () => {
    const { calls, fetchImpl } = recordingFetch(async () => new Response(new ReadableStream(), { headers: { 'content-type': 'text/event-stream' } }));
    const client = new AbortController();
    const open = streamsOf({ host: 'localhost', httpPort: 3500, fetch: fetchImpl });
    await open('notifications', 'events', { headers: {}, signal: client.signal, openTimeoutMs: 20 });
    await new Promise((r) => setTimeout(r, 60));
    expect(calls[0]!.signal.aborted).toBe(false);
    client.abort();
    expect(calls[0]!.signal.aborted).toBe(true);
  });

  it('when the sidecar cannot be reached, then UNAVAILABLE', async () => {
    const open = streamsOf({ host: 'localhost', httpPort: 3500, fetch: (() => Promise.reject(new TypeError('fetch failed'))) as typeof fetch });
    await expect(open('notifications', 'events', { headers: {}, signal: new AbortController().signal, openTimeoutMs: 1_000 })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
