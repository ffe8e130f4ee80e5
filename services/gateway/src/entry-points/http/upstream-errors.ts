// How a dependency's failure reaches the client: its 4xx verdicts as they are, anything else as a plain 503.
import { AppError, daprInvoke, unavailable, type Logger } from '@commercex/platform';

/** A dependency's failure leaves as a plain 503: which service, path or status it was stays in the log. */
export function withoutInternals(err: unknown, logger: Logger): unknown {
  if (!(err instanceof AppError) || err.status < 500) return err;
  logger.warn({ err, details: err.details }, 'upstream failure answered as 503');
  return unavailable('A service this request needs is unavailable; retry later');
}

/** The error for an answer that is not what was asked for, by the same rule as every invocation (see daprInvoke). */
export async function refusalOf(appId: string, method: string, answer: { status: number; headers: Headers; text: string }): Promise<AppError> {
  // A 2xx that is not the expected stream is no answer either.
  const status = answer.status < 300 ? 502 : answer.status;
  return daprInvoke(() => Promise.resolve({ ...answer, status }), appId, method, {}).then(
    () => unavailable(`${appId} answered ${answer.status}`),
    (err: unknown) => (err instanceof AppError ? err : unavailable(`${appId} answered ${answer.status}`)),
  );
}
