// How a dependency's failure reaches the client: its 4xx verdicts as they are, anything else as a plain 503.
import { AppError, invocationFailure, unavailable, type Logger } from '@commercex/platform';

/** A dependency's failure leaves as a plain 503: which service, path or status it was stays in the log. */
export function withoutInternals(err: unknown, logger: Logger): unknown {
  if (!(err instanceof AppError) || err.status < 500) return err;
  logger.warn({ err, details: err.details }, 'upstream failure answered as 503');
  return unavailable('A service this request needs is unavailable; retry later');
}

/** The error for an answer that is not the stream asked for, by the rule of every invocation (invocationFailure). */
export function refusalOf(appId: string, method: string, answer: { status: number; text: string }): AppError {
  // A 2xx that is not the expected stream is no answer either.
  return invocationFailure(appId, method, { status: answer.status < 300 ? 502 : answer.status, text: answer.text });
}
