import { describe, expect, it } from 'vitest';
import { runWithRequestId } from '../src/index.js';
import { captureLogger } from './helpers.js';

describe('logger', () => {
  it('when logging, then every line is JSON with the service name and a level label', () => {
    const { logger, lines } = captureLogger();
    logger.info('hello');
    expect(lines()[0]).toMatchObject({ service: 'test-service', level: 'info', msg: 'hello' });
  });

  it('when inside a request context, then the line carries the request id', () => {
    const { logger, lines } = captureLogger();
    runWithRequestId('req-1', () => logger.info('inside'));
    logger.info('outside');
    expect(lines()[0]?.requestId).toBe('req-1');
    expect(lines()[1]).not.toHaveProperty('requestId');
  });

  it('when secrets are logged, then authorization, dapr-api-token, passwords and tokens are redacted', () => {
    const { logger, lines } = captureLogger();
    logger.info({
      req: { headers: { authorization: 'Bearer abc', 'dapr-api-token': 'xyz', cookie: 'sid=1', accept: 'json' } },
      user: { email: 'a@b.c', password: 'hunter2' },
      token: 't',
      payment: { paymentToken: 'tok_visa' },
      nested: { deeper: { accessToken: 'at' } },
    });
    const line = JSON.stringify(lines()[0]);
    for (const secret of ['Bearer abc', 'xyz', 'sid=1', 'hunter2', '"t"', 'tok_visa', '"at"']) expect(line).not.toContain(secret);
    expect(line).toContain('a@b.c');
    expect(line).toContain('json');
  });
});
