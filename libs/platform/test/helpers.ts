import { Writable } from 'node:stream';
import type { RequestListener } from 'node:http';
import { Registry } from 'prom-client';
import { createLogger, runService, type Logger, type RunningService } from '../src/index.js';

/** A logger whose JSON lines the test can read. */
export function captureLogger(level = 'debug'): { logger: Logger; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger({ service: 'test-service', level, destination });
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines };
}

/** Starts an app on a free port without signal handlers; returns its base URL. */
export async function serve(app: RequestListener & object, logger: Logger, extra: { onStop?: Array<() => Promise<void>>; shutdownTimeoutMs?: number } = {}) {
  const running: RunningService = await runService({ app, port: 0, host: '127.0.0.1', logger, handleSignals: false, ...extra });
  return { ...running, url: `http://127.0.0.1:${running.port}` };
}

export const freshRegistry = () => new Registry();
