// The error codes of the public API (shared/API.md) and the status each one answers with.
export const apiErrorStatus = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  OUT_OF_STOCK: 409,
  ORDER_NOT_CANCELLABLE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ApiErrorCode = keyof typeof apiErrorStatus;

export const apiErrorCodes = Object.keys(apiErrorStatus) as ApiErrorCode[];

export function isApiErrorCode(value: string): value is ApiErrorCode {
  return Object.hasOwn(apiErrorStatus, value);
}

/** The body of every error response. */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}
