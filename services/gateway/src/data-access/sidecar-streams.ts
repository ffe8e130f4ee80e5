// Service invocation whose answer is read as it flows (Server-Sent Events); the kit's invoke reads whole bodies.
import { currentRequestId, requestIdHeader, unavailable } from '@commercex/platform';

export interface StreamRequest {
  /** Passed on as they are (the caller's identity). */
  headers: Record<string, string>;
  /** Aborting it closes the stream, upstream included. */
  signal: AbortSignal;
  /** How long the answer's status and headers may take; the body then flows for as long as it lasts. */
  openTimeoutMs: number;
}

/** Resolves with the answer as soon as its head arrives, whatever its status; rejects UNAVAILABLE when there is none. */
export type OpenStream = (appId: string, method: string, request: StreamRequest) => Promise<Response>;

export interface SidecarStreamOptions {
  host: string;
  httpPort: number;
  apiToken?: string | undefined;
  fetch?: typeof fetch;
}

export function sidecarStreams(options: SidecarStreamOptions): OpenStream {
  const base = `http://${options.host}:${options.httpPort}/v1.0/invoke`;
  const send = options.fetch ?? fetch;
  return async (appId, method, request) => {
    // Exactly this Accept makes daprd relay the answer as an event stream, flushing every chunk.
    const headers: Record<string, string> = { ...request.headers, accept: 'text/event-stream' };
    if (options.apiToken) headers['dapr-api-token'] = options.apiToken;
    const requestId = currentRequestId();
    if (requestId) headers[requestIdHeader] = requestId;
    const opening = new AbortController();
    const timer = setTimeout(() => opening.abort(new Error(`no answer within ${request.openTimeoutMs} ms`)), request.openTimeoutMs);
    try {
      return await send(`${base}/${encodeURIComponent(appId)}/method/${method.replace(/^\/+/, '')}`, {
        headers,
        signal: AbortSignal.any([request.signal, opening.signal]),
      });
    } catch (err) {
      throw unavailable(`${appId} did not open the stream`, { details: { appId, method }, cause: err });
    } finally {
      clearTimeout(timer);
    }
  };
}
