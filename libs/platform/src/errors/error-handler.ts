import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import type { Logger } from '../logging/logger.js';
import { AppError, appError, validationFailed } from './app-error.js';
import { inputIssues } from './zod-issues.js';

interface HttpError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
  message?: string;
}

/** Turns what the app or its parsers threw into an AppError; undefined means a bug. */
export function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return validationFailed(inputIssues(err));
  if (typeof err !== 'object' || err === null) return undefined;
  const httpError = err as HttpError;
  const status = httpError.status ?? httpError.statusCode;
  if (httpError.type === 'entity.parse.failed') return appError('MALFORMED_JSON', 'The request body is not valid JSON');
  if (httpError.type === 'entity.too.large') return appError('PAYLOAD_TOO_LARGE', 'The request body is too large');
  if (status === 415) return appError('UNSUPPORTED_MEDIA_TYPE', 'The request body encoding or charset is not supported');
  // Other client errors from body-parser or http-errors (aborted request, bad encoding…): the client's fault, never a 500.
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError('BAD_REQUEST', status, httpError.expose && httpError.message ? httpError.message : 'Bad request');
  }
  return undefined;
}

/** The last middleware: every error leaves as `{ error: { code, message, details? } }`, stack traces never do. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const log = (req as { log?: Logger }).log ?? logger;
    const known = toAppError(err);
    if (!known) {
      log.error({ err }, 'unhandled error');
      res.status(500).json({ error: { code: 'INTERNAL', message: 'Internal error' } });
      return;
    }
    if (known.status >= 500) log.warn({ err: known, code: known.code }, known.message);
    if (known.headers) res.set(known.headers);
    res.status(known.status).json(known.toBody());
  };
}
