import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  AppError,
  appError,
  conflict,
  installProcessFaultHandlers,
  notFound,
  rateLimited,
  toAppError,
  unavailable,
  validationFailed,
  createHttpApp,
} from '../src/index.js';
import { captureLogger, freshRegistry, serve } from './helpers.js';

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (stops.length) await stops.pop()?.();
});

async function appThrowing(err: unknown) {
  const { logger, lines } = captureLogger();
  const router = express.Router();
  router.get('/boom', () => {
    throw err;
  });
  const app = createHttpApp({ service: 's', version: '1', logger, routes: [router], registry: freshRegistry() });
  const running = await serve(app, logger);
  stops.push(running.stop);
  const response = await fetch(`${running.url}/boom`);
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown>, lines };
}

describe('AppError', () => {
  it('when built from an API code, then its status comes from the code', () => {
    expect(appError('OUT_OF_STOCK', 'no stock').status).toBe(409);
    expect(notFound().status).toBe(404);
    expect(unavailable().status).toBe(503);
    expect(conflict('ORDER_NOT_CANCELLABLE', 'too late').toBody()).toEqual({ error: { code: 'ORDER_NOT_CANCELLABLE', message: 'too late' } });
  });

  it('when the code is not UPPER_SNAKE or the status not an error, then construction fails (a bug)', () => {
    expect(() => new AppError('notFound', 404, 'x')).toThrow(TypeError);
    expect(() => new AppError('OK', 200, 'x')).toThrow(TypeError);
  });

  it('when rate limited, then Retry-After travels with the error', () => {
    expect(rateLimited(1.2).headers).toEqual({ 'Retry-After': '2' });
  });
});

describe('toAppError', () => {
  it('when given a ZodError, then it is VALIDATION_FAILED with the issues as details', () => {
    const result = z.object({ quantity: z.number().int().min(1) }).safeParse({ quantity: 0 });
    const mapped = toAppError(result.error);
    expect(mapped?.code).toBe('VALIDATION_FAILED');
    expect(mapped?.details).toEqual([{ path: 'quantity', message: expect.any(String) }]);
  });

  it('when given a plain Error, then it is not operational (undefined)', () => {
    expect(toAppError(new Error('bug'))).toBeUndefined();
    expect(toAppError('a string')).toBeUndefined();
  });
});

describe('error handler', () => {
  it('when a handler throws an AppError, then the body is exactly { error: { code, message, details } }', async () => {
    const { status, body } = await appThrowing(validationFailed([{ path: 'email', message: 'bad' }], 'Invalid input'));
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: 'VALIDATION_FAILED', message: 'Invalid input', details: [{ path: 'email', message: 'bad' }] } });
  });

  it('when a handler throws a ZodError, then it answers 400 VALIDATION_FAILED', async () => {
    const { status, body } = await appThrowing(z.string().safeParse(1).error);
    expect(status).toBe(400);
    expect((body.error as { code: string }).code).toBe('VALIDATION_FAILED');
  });

  it('when a handler throws a bug, then it answers 500 INTERNAL without the stack and logs it', async () => {
    const { status, body, lines } = await appThrowing(new Error('secret internals at line 42'));
    expect(status).toBe(500);
    expect(body).toEqual({ error: { code: 'INTERNAL', message: 'Internal error' } });
    const logged = lines().find((line) => line.msg === 'unhandled error');
    expect(JSON.stringify(logged)).toContain('secret internals');
  });

  it('when an AppError has headers, then they are set on the response', async () => {
    const { status, headers } = await appThrowing(rateLimited(5));
    expect(status).toBe(429);
    expect(headers.get('retry-after')).toBe('5');
  });
});

describe('process fault handlers', () => {
  it('when a rejection goes unhandled, then it is logged as fatal and the process exits 1', () => {
    const { logger, lines } = captureLogger();
    const exits: number[] = [];
    const uninstall = installProcessFaultHandlers(logger, (code) => exits.push(code));
    try {
      process.emit('unhandledRejection', new Error('forgotten'), Promise.resolve());
      process.emit('uncaughtException', new Error('thrown'));
    } finally {
      uninstall();
    }
    expect(exits).toEqual([1, 1]);
    expect(lines().map((l) => l.level)).toEqual(['fatal', 'fatal']);
  });
});
