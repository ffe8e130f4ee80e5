import { apiErrorStatus, type ApiErrorBody, type ApiErrorCode } from '@commercex/contracts';

export type ErrorCode = ApiErrorCode | (string & {});

export interface AppErrorOptions {
  details?: unknown;
  /** Response headers that belong to the error, e.g. Retry-After. */
  headers?: Record<string, string>;
  cause?: unknown;
}

const upperSnake = /^[A-Z][A-Z0-9_]*$/;

/** The one operational error: it answers with its status and code; anything else is a bug and answers 500. */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly details?: unknown;
  readonly headers?: Record<string, string>;

  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    if (!upperSnake.test(code)) throw new TypeError(`error code must be UPPER_SNAKE, got ${code}`);
    if (!Number.isInteger(status) || status < 400 || status > 599) throw new TypeError(`error status must be 4xx or 5xx, got ${status}`);
    if (options.details !== undefined) this.details = options.details;
    if (options.headers !== undefined) this.headers = options.headers;
  }

  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { error: { code: this.code, message: this.message } };
    if (this.details !== undefined) body.error.details = this.details;
    return body;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** An error with one of the API's own codes; its status comes from the code. */
export function appError(code: ApiErrorCode, message: string, options?: AppErrorOptions): AppError {
  return new AppError(code, apiErrorStatus[code], message, options);
}

export const validationFailed = (details?: unknown, message = 'The request is invalid') =>
  appError('VALIDATION_FAILED', message, { details });
export const unauthenticated = (message = 'Authentication is required') => appError('UNAUTHENTICATED', message);
export const forbidden = (message = 'Not allowed') => appError('FORBIDDEN', message);
export const notFound = (message = 'Not found', details?: unknown) => appError('NOT_FOUND', message, { details });
export const conflict = (code: ErrorCode = 'CONFLICT', message = 'Conflicts with the current state', details?: unknown) =>
  new AppError(code, 409, message, { details });
export const rateLimited = (retryAfterSeconds: number, message = 'Too many requests') =>
  appError('RATE_LIMITED', message, { headers: { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) } });
export const unavailable = (message = 'A dependency is unavailable; retry later', options: Omit<AppErrorOptions, 'headers'> = {}) =>
  appError('UNAVAILABLE', message, options);
