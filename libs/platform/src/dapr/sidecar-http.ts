import { context, propagation } from '@opentelemetry/api';
import { unavailable, type AppError } from '../errors/app-error.js';
import { currentRequestId } from '../logging/request-context.js';
import { requestIdHeader } from '../http/request-id.js';

export interface SidecarHttpOptions {
  baseUrl: string;
  apiToken?: string | undefined;
  timeoutMs: number;
  fetch: typeof fetch;
}

export interface SidecarRequest {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export interface SidecarResponse {
  status: number;
  headers: Headers;
  text: string;
}

/** One HTTP exchange with the sidecar; a sidecar that cannot be reached is UNAVAILABLE, any status is returned as is. */
export async function sidecarRequest(options: SidecarHttpOptions, path: string, request: SidecarRequest = {}): Promise<SidecarResponse> {
  const headers = sidecarHeaders(options, request.headers);
  let body: string | undefined;
  if (request.body !== undefined) {
    body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    headers['content-type'] ??= 'application/json';
  }
  try {
    const response = await options.fetch(`${options.baseUrl}${path}`, {
      method: request.method ?? 'GET',
      headers,
      body,
      signal: AbortSignal.timeout(request.timeoutMs ?? options.timeoutMs),
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  } catch (err) {
    throw unavailable('The Dapr sidecar did not answer', { details: { path: redactPath(path) }, cause: err });
  }
}

export interface SidecarStreamRequest {
  headers?: Record<string, string>;
  /** Aborting it closes the stream, upstream included. */
  signal: AbortSignal;
  /** How long the answer's status and headers may take; the body then flows for as long as it lasts. */
  openTimeoutMs: number;
}

/**
 * A GET whose answer is read as it flows (Server-Sent Events): resolves as soon as the head arrives, whatever its
 * status; a sidecar that gives no head in time is UNAVAILABLE.
 */
export async function sidecarStream(options: SidecarHttpOptions, path: string, request: SidecarStreamRequest): Promise<Response> {
  const opening = new AbortController();
  const timer = setTimeout(() => opening.abort(new Error(`no answer within ${request.openTimeoutMs} ms`)), request.openTimeoutMs);
  try {
    return await options.fetch(`${options.baseUrl}${path}`, { headers: sidecarHeaders(options, request.headers), signal: AbortSignal.any([request.signal, opening.signal]) });
  } catch (err) {
    throw unavailable('The Dapr sidecar did not open the stream', { details: { path: redactPath(path) }, cause: err });
  } finally {
    clearTimeout(timer);
  }
}

/** What every call to the sidecar carries: its API token, the request id, and the trace context. */
function sidecarHeaders(options: SidecarHttpOptions, given: Record<string, string> = {}): Record<string, string> {
  const headers: Record<string, string> = { ...given };
  if (options.apiToken) headers['dapr-api-token'] = options.apiToken;
  const requestId = currentRequestId();
  if (requestId && !headers[requestIdHeader]) headers[requestIdHeader] = requestId;
  // fetch is not instrumented, so the trace context is carried by hand.
  propagation.inject(context.active(), headers);
  return headers;
}

/** JSON when the body is JSON, the text otherwise, undefined when empty. */
export function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A sidecar answer that is not a success: UNAVAILABLE with what the sidecar said, for logs and callers. */
export function sidecarFailure(what: string, response: SidecarResponse, extra: Record<string, unknown> = {}): AppError {
  const body = parseBody(response.text);
  const daprError = typeof body === 'object' && body !== null ? (body as { errorCode?: string; message?: string }) : undefined;
  return unavailable(`${what} failed`, {
    details: {
      ...extra,
      status: response.status,
      ...(daprError?.errorCode ? { daprErrorCode: daprError.errorCode } : {}),
      reason: daprError?.message ?? truncate(typeof body === 'string' ? body : ''),
    },
  });
}

function truncate(text: string, max = 500): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function redactPath(path: string): string {
  return path.split('?')[0] ?? path;
}
