import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { requestContext } from '../logging/request-context.js';

export const requestIdHeader = 'x-request-id';

// Incoming ids are echoed and logged, so only short, plain ones are kept.
const acceptable = /^[\w.:@-]{1,128}$/;

/** Takes the caller's x-request-id or makes one, echoes it, and opens the request's log context. */
export function requestId(): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get(requestIdHeader);
    const id = incoming && acceptable.test(incoming) ? incoming : randomUUID();
    req.id = id;
    res.setHeader(requestIdHeader, id);
    requestContext.run({ requestId: id }, next);
  };
}

/** Re-enters the request's log context; body parsing resumes on stream callbacks that lost it. */
export function restoreRequestContext(): RequestHandler {
  return (req, _res, next) => {
    if (requestContext.getStore()) return next();
    requestContext.run({ requestId: String(req.id) }, next);
  };
}
