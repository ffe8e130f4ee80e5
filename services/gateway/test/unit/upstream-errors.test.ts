import { AppError, createLogger } from '@commercex/platform';
import { describe, expect, it } from 'vitest';
import { isEventStream } from '../../src/domain/event-stream.js';
import { refusalOf, withoutInternals } from '../../src/entry-points/http/upstream-errors.js';

const answer = (status: number, body: unknown) => ({ status, headers: new Headers(), text: typeof body === 'string' ? body : JSON.stringify(body) });
const logger = createLogger({ service: 'gateway-test', level: 'silent' });

describe('upstream errors', () => {
  it("when the service refuses with its own 4xx error, then the client gets that verdict", async () => {
    expect(await refusalOf('notifications', 'dead-letters', answer(403, { error: { code: 'FORBIDDEN', message: 'no' } }))).toMatchObject({ status: 403, code: 'FORBIDDEN', message: 'no' });
  });

  it('when the answer is a 5xx, a Dapr error, or a 2xx that is not the expected stream, then it is UNAVAILABLE', async () => {
    for (const a of [answer(500, { errorCode: 'ERR_DIRECT_INVOKE', message: 'x' }), answer(404, 'no route'), answer(200, { items: [] })]) {
      expect(await refusalOf('notifications', 'events', a)).toMatchObject({ status: 503, code: 'UNAVAILABLE' });
    }
  });

  it('when a failure is UNAVAILABLE, then the client sees no service, path or status; 4xx pass as they are', () => {
    const hidden = withoutInternals(new AppError('UNAVAILABLE', 503, 'notifications is unavailable', { details: { appId: 'notifications' } }), logger) as AppError;
    expect(hidden.toBody()).toEqual({ error: { code: 'UNAVAILABLE', message: expect.not.stringMatching(/notifications/) } });
    const verdict = new AppError('FORBIDDEN', 403, 'no');
    expect(withoutInternals(verdict, logger)).toBe(verdict);
  });

  it('when a content type names an event stream, with or without parameters, then it is one', () => {
    expect(isEventStream('text/event-stream')).toBe(true);
    expect(isEventStream('Text/Event-Stream; charset=utf-8')).toBe(true);
    for (const t of [null, undefined, '', 'application/json', 'text/event-streams', 'text/plain; x=text/event-stream']) expect(isEventStream(t)).toBe(false);
  });
});
