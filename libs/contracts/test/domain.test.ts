import { describe, expect, it } from 'vitest';
import { apiErrorCodes, apiErrorStatus, cancellationReasonSchema, isApiErrorCode, moneySchema, orderStatusSchema } from '../src/index.js';

describe('domain enums', () => {
  it('when parsing an order status, then only the three API states pass', () => {
    expect(orderStatusSchema.options).toEqual(['PENDING_PAYMENT', 'CONFIRMED', 'CANCELLED']);
    expect(orderStatusSchema.safeParse('SHIPPED').success).toBe(false);
  });

  it('when parsing a cancellation reason, then the four API reasons pass', () => {
    expect(cancellationReasonSchema.options).toEqual(['PAYMENT_DECLINED', 'PAYMENT_FAILED', 'USER_CANCELLED', 'EXPIRED']);
  });

  it('when parsing money, then only non-negative integer USD passes', () => {
    expect(moneySchema.safeParse({ amount: 0, currency: 'USD' }).success).toBe(true);
    expect(moneySchema.safeParse({ amount: 100, currency: 'EUR' }).success).toBe(false);
  });
});

describe('API error codes', () => {
  it('when listing codes, then every API.md code is there with its status', () => {
    expect(apiErrorStatus).toMatchObject({
      VALIDATION_FAILED: 400, MALFORMED_JSON: 400, UNAUTHENTICATED: 401, INVALID_CREDENTIALS: 401, FORBIDDEN: 403,
      NOT_FOUND: 404, EMAIL_TAKEN: 409, OUT_OF_STOCK: 409, ORDER_NOT_CANCELLABLE: 409, PAYLOAD_TOO_LARGE: 413,
      IDEMPOTENCY_KEY_REUSED: 422, RATE_LIMITED: 429, UNAVAILABLE: 503,
    });
  });

  it('when a code is UPPER_SNAKE, then it is recognised; otherwise not', () => {
    expect(apiErrorCodes.every((c) => /^[A-Z][A-Z0-9_]*$/.test(c))).toBe(true);
    expect(isApiErrorCode('NOT_FOUND')).toBe(true);
    expect(isApiErrorCode('toString')).toBe(false);
  });
});
