// Plain fetch over the sidecar's HTTP API rather than @dapr/dapr's DaprClient: its state.get drops the ETag,
// its invoker hides the downstream status and body inside an error string, and its publish swallows failures.
import { aggregateIdOf, parseEvent, type EventOf, type Topic } from '@commercex/contracts';
import { conflict, unavailable, type AppError } from '../errors/app-error.js';
import type { BaseConfig } from '../config/base-config.js';
import { parseBody, sidecarFailure, sidecarRequest, sidecarStream, type SidecarHttpOptions, type SidecarRequest, type SidecarStreamRequest } from './sidecar-http.js';

export type { SidecarStreamRequest } from './sidecar-http.js';
import { daprInvoke, invokePath, type InvokeOptions } from './dapr-invoke.js';

export interface DaprSidecarOptions {
  host?: string;
  httpPort?: number;
  apiToken?: string | undefined;
  pubsubName?: string;
  /** Default time limit of one call to the sidecar; Dapr's resiliency policies should give up before it. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface PublishOptions {
  /** Kafka message key; defaults to the event's aggregate id so one aggregate's events stay in order. */
  partitionKey?: string;
  /** Stable CloudEvent id (e.g. the outbox id), so a re-published event is recognised as a duplicate downstream. */
  eventId?: string;
  metadata?: Record<string, string>;
}

export interface StateEntry<T> {
  value: T;
  etag: string | undefined;
}

export interface SaveStateOptions {
  /** The ETag read with the value: the save fails with 409 CONFLICT if the value changed since. */
  etag?: string | undefined;
  metadata?: Record<string, string>;
}

export class DaprSidecar {
  readonly pubsubName: string;
  private readonly http: SidecarHttpOptions;

  constructor(options: DaprSidecarOptions = {}) {
    this.pubsubName = options.pubsubName ?? 'pubsub';
    this.http = {
      baseUrl: `http://${options.host ?? '127.0.0.1'}:${options.httpPort ?? 3500}/v1.0`,
      apiToken: options.apiToken,
      timeoutMs: options.timeoutMs ?? 30_000,
      fetch: options.fetch ?? fetch,
    };
  }

  static fromConfig(config: Pick<BaseConfig, 'DAPR_HOST' | 'DAPR_HTTP_PORT' | 'DAPR_API_TOKEN' | 'PUBSUB_NAME'>, fetchImpl?: typeof fetch): DaprSidecar {
    return new DaprSidecar({
      host: config.DAPR_HOST,
      httpPort: config.DAPR_HTTP_PORT,
      apiToken: config.DAPR_API_TOKEN,
      pubsubName: config.PUBSUB_NAME,
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
    });
  }

  /** Validates the data against the topic's schema (a mismatch is a bug, thrown as is), then publishes it. */
  async publish<T extends Topic>(topic: T, data: EventOf<T>, options: PublishOptions = {}): Promise<void> {
    const parsed = parseEvent(topic, data);
    if (!parsed.ok) throw parsed.error;
    const metadata: Record<string, string> = { partitionKey: options.partitionKey ?? aggregateIdOf(topic, parsed.data), ...options.metadata };
    if (options.eventId) metadata['cloudevent.id'] = options.eventId;
    const query = new URLSearchParams(Object.entries(metadata).map(([k, v]): [string, string] => [`metadata.${k}`, v]));
    const response = await this.request(`/publish/${enc(this.pubsubName)}/${enc(topic)}?${query}`, { method: 'POST', body: parsed.data });
    if (response.status >= 300) throw sidecarFailure(`publish to ${topic}`, response, { topic });
  }

  /** Calls a method of another app through its sidecar; see daprInvoke for how failures map. */
  invoke<T = unknown>(appId: string, method: string, options: InvokeOptions = {}): Promise<T> {
    return daprInvoke<T>((path, request) => this.request(path, request), appId, method, options);
  }

  /** Invokes a GET whose answer is an event stream, read as it flows (daprd relays it chunk by chunk for this Accept). */
  invokeStream(appId: string, method: string, request: SidecarStreamRequest): Promise<Response> {
    return sidecarStream(this.http, invokePath(appId, method), { ...request, headers: { ...request.headers, accept: 'text/event-stream' } });
  }

  async getState<T>(store: string, key: string): Promise<StateEntry<T> | undefined> {
    const response = await this.request(`/state/${enc(store)}/${enc(key)}`);
    if (response.status === 204 || (response.status === 200 && response.text === '')) return undefined;
    if (response.status !== 200) throw sidecarFailure(`state get ${store}`, response, { store });
    return { value: parseBody(response.text) as T, etag: response.headers.get('etag') ?? undefined };
  }

  async saveState<T>(store: string, key: string, value: T, options: SaveStateOptions = {}): Promise<void> {
    const item: Record<string, unknown> = { key, value };
    if (options.etag !== undefined) Object.assign(item, { etag: options.etag, options: { concurrency: 'first-write' } });
    if (options.metadata) item.metadata = options.metadata;
    const response = await this.request(`/state/${enc(store)}`, { method: 'POST', body: [item] });
    if (response.status === 409) throw staleEtag(store, key);
    if (response.status >= 300) throw sidecarFailure(`state save ${store}`, response, { store });
  }

  async deleteState(store: string, key: string, options: { etag?: string | undefined } = {}): Promise<void> {
    const headers: Record<string, string> = options.etag === undefined ? {} : { 'if-match': options.etag };
    const query = options.etag === undefined ? '' : '?concurrency=first-write';
    const response = await this.request(`/state/${enc(store)}/${enc(key)}${query}`, { method: 'DELETE', headers });
    if (response.status === 409) throw staleEtag(store, key);
    if (response.status >= 300) throw sidecarFailure(`state delete ${store}`, response, { store });
  }

  /** All values of one secret (most stores hold one, named like the key). */
  async getSecret(store: string, key: string): Promise<Record<string, string>> {
    const response = await this.request(`/secrets/${enc(store)}/${enc(key)}`);
    if (response.status !== 200) throw sidecarFailure(`secret ${store}/${key}`, response, { store, key });
    return parseBody(response.text) as Record<string, string>;
  }

  /** Invokes an output binding; a failing binding (including a target answering non-2xx) is UNAVAILABLE with the reason in details. */
  async invokeBinding<T = unknown>(name: string, operation: string, data?: unknown, metadata: Record<string, string> = {}, timeoutMs?: number): Promise<T> {
    const response = await this.request(`/bindings/${enc(name)}`, {
      method: 'POST',
      body: { operation, data, metadata },
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
    });
    if (response.status >= 300) throw sidecarFailure(`binding ${name} ${operation}`, response, { binding: name, operation });
    return parseBody(response.text) as T;
  }

  /** Resolves when the sidecar and its components are up (outbound health does not depend on this app). */
  async healthz(): Promise<void> {
    const response = await this.request('/healthz/outbound', { timeoutMs: 2_000 });
    if (response.status >= 300) throw sidecarFailure('sidecar health', response);
  }

  /** Polls healthz until it answers or the time is up (boot order: sidecars may start after their app). */
  async waitForSidecar(timeoutMs = 60_000, intervalMs = 250): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await this.healthz();
      } catch (err) {
        if (Date.now() + intervalMs > deadline) throw unavailable(`The Dapr sidecar was not ready within ${timeoutMs} ms`, { cause: err });
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }

  private request(path: string, request?: SidecarRequest) {
    return sidecarRequest(this.http, path, request);
  }
}

function staleEtag(store: string, key: string): AppError {
  return conflict('CONFLICT', 'The state changed since it was read; read it again and retry', { store, key });
}

const enc = encodeURIComponent;
