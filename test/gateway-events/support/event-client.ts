// Clients of GET /api/v1/events on the gateway: an EventSource (as browsers and SDKs read it) and a raw reader.
import { EventSource } from 'eventsource';

export interface EventClient {
  received: Array<{ event: string; data: Record<string, unknown> }>;
  /** Set once the stream has failed or ended. */
  readonly failed: string | undefined;
  close(): void;
}

/** Opens the stream with the bearer token in Authorization and resolves once it is live (the `ready` event). */
export async function openEvents(baseUrl: string, token: string): Promise<EventClient> {
  const received: EventClient['received'] = [];
  let failed: string | undefined;
  const source = new EventSource(`${baseUrl}/api/v1/events`, {
    fetch: (url, init) => fetch(url, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } }),
  });
  for (const name of ['order-status', 'notification']) {
    source.addEventListener(name, (e) => received.push({ event: name, data: JSON.parse(e.data) as Record<string, unknown> }));
  }
  await new Promise<void>((resolve, reject) => {
    source.addEventListener('ready', () => resolve(), { once: true });
    source.addEventListener('error', (e) => reject(new Error(`event stream failed: ${e.message ?? 'unknown'} (${e.code ?? '-'})`)), { once: true });
  });
  source.addEventListener('error', (e) => {
    failed ??= `${e.message ?? 'stream ended'} (${e.code ?? '-'})`;
  });
  return { received, get failed() { return failed; }, close: () => source.close() };
}

export interface RawStream {
  status: number;
  headers: Headers;
  /** Everything received so far, as text. */
  text(): string;
  /** Resolves with the text once it matches, or rejects when the stream ends first or time runs out. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  ended(): boolean;
  close(): void;
}

/** GET /api/v1/events read byte by byte, to see heartbeats, chunk timing and the end of the stream. */
export async function openRaw(baseUrl: string, headers: Record<string, string>): Promise<RawStream> {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}/api/v1/events`, { headers, signal: controller.signal });
  let text = '';
  let ended = false;
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());
  if (res.body) {
    void (async () => {
      const decoder = new TextDecoder();
      try {
        for await (const chunk of res.body!) {
          text += decoder.decode(chunk, { stream: true });
          notify();
        }
      } catch {
        // aborted by close()
      }
      ended = true;
      notify();
    })();
  } else {
    ended = true;
  }
  return {
    status: res.status,
    headers: res.headers,
    text: () => text,
    ended: () => ended,
    close: () => controller.abort(),
    waitFor: (pattern, timeoutMs = 10_000) =>
      new Promise<string>((resolve, reject) => {
        const check = () => {
          if (pattern.test(text)) done(() => resolve(text));
          else if (ended) done(() => reject(new Error(`the stream ended before ${pattern}; it said:\n${text}`)));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms; the stream said:\n${text}`))), timeoutMs);
        const done = (settle: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          settle();
        };
        waiters.add(check);
        check();
      }),
  };
}
