import { AppError, unavailable } from '../errors/app-error.js';
import { parseBody, type SidecarRequest, type SidecarResponse } from './sidecar-http.js';

export interface InvokeOptions {
  httpMethod?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  timeoutMs?: number;
}

type Send = (path: string, request: SidecarRequest) => Promise<SidecarResponse>;

/**
 * Service invocation. A 4xx carrying our error body is the downstream's verdict and passes through with its status;
 * anything else that is not a success (5xx, Dapr's own errors, timeouts, unreachable) becomes 503 UNAVAILABLE.
 */
export async function daprInvoke<T>(send: Send, appId: string, method: string, options: InvokeOptions): Promise<T> {
  const request: SidecarRequest = { method: options.httpMethod ?? 'GET', body: options.body };
  if (options.headers) request.headers = options.headers;
  if (options.timeoutMs !== undefined) request.timeoutMs = options.timeoutMs;
  const response = await send(invokePath(appId, method, options.query), request);
  if (response.status < 300) return parseBody(response.text) as T;
  return Promise.reject(invocationFailure(appId, method, response));
}

/** The sidecar's path that invokes `method` on `appId`. */
export function invokePath(appId: string, method: string, query: InvokeOptions['query'] = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) search.set(key, String(value));
  return `/invoke/${encodeURIComponent(appId)}/method/${method.replace(/^\/+/, '')}${search.size > 0 ? `?${search}` : ''}`;
}

/** The error for an invocation answered with a non-success `status`, by the rule above. */
export function invocationFailure(appId: string, method: string, response: Pick<SidecarResponse, 'status' | 'text'>): AppError {
  const downstream = appErrorBody(parseBody(response.text));
  if (downstream && response.status < 500) {
    return new AppError(downstream.code, response.status, downstream.message, { details: downstream.details });
  }
  return unavailable(`${appId} is unavailable`, {
    details: { appId, method: method.split('?')[0], status: response.status, ...(downstream ? { code: downstream.code } : {}) },
  });
}

function appErrorBody(body: unknown): { code: string; message: string; details?: unknown } | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message, details } = error as Record<string, unknown>;
  if (typeof code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(code) || typeof message !== 'string') return undefined;
  return { code, message, details };
}
