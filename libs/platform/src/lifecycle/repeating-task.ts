// Background work repeated every `everyMs`: one run at a time (the next is scheduled when one ends, so a slow run
// never piles up), a failed run logged and retried on the next, and stop() waiting for the run in progress.
import type { Logger } from '../logging/logger.js';

export interface RepeatingTask {
  /** Runs once now, then every `everyMs` after each run ends. */
  start(): void;
  /** No further runs; resolves when the one in progress has ended. */
  stop(): Promise<void>;
}

export function repeatingTask(run: () => Promise<unknown>, o: { everyMs: number; logger: Logger; what: string }): RepeatingTask {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = true;

  const tick = () => {
    running = run()
      .then(() => undefined, (err: unknown) => o.logger.warn({ err }, `${o.what} failed; retrying on the next run`))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, o.everyMs);
      });
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
