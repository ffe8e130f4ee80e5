import { once } from 'node:events';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { markDraining } from '../http/drain-state.js';
import type { Logger } from '../logging/logger.js';
import { shutdownTelemetry } from '../telemetry/telemetry-shutdown.js';

export interface RunServiceOptions {
  app: RequestListener & object;
  /** 0 picks a free port (tests); the bound one is returned. */
  port: number;
  host?: string;
  logger: Logger;
  /** Run in order after the server has drained: stop background work, close clients. Telemetry is flushed after them. */
  onStop?: Array<() => Promise<void>>;
  /** The whole stop's budget; half of it is for in-flight requests. */
  shutdownTimeoutMs?: number;
  /** Install SIGTERM/SIGINT handlers that stop and exit (off in tests). */
  handleSignals?: boolean;
  exit?: (code: number) => void;
}

export interface RunningService {
  port: number;
  server: Server;
  /** Graceful stop without exiting: not ready, no new connections, in-flight requests finish, onStop runs. */
  stop(): Promise<void>;
}

export async function runService(options: RunServiceOptions): Promise<RunningService> {
  const { app, logger, onStop = [], shutdownTimeoutMs = 10_000, exit = (code: number) => process.exit(code) } = options;
  const server = createServer(app);
  server.listen(options.port, options.host);
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  logger.info({ port }, 'listening');

  let stopping: Promise<void> | undefined;
  let removeSignalHandlers: () => void = () => undefined;
  const stop = () => (stopping ??= gracefulStop(server, app, logger, onStop, shutdownTimeoutMs / 2).finally(() => removeSignalHandlers()));

  if (options.handleSignals ?? true) {
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        logger.warn({ signal }, 'second signal; exiting now');
        exit(1);
        return;
      }
      logger.info({ signal }, 'stopping');
      const force = setTimeout(() => {
        logger.error({ shutdownTimeoutMs }, 'graceful stop timed out; exiting');
        exit(1);
      }, shutdownTimeoutMs);
      force.unref();
      stop().then(
        () => exit(0),
        (err: unknown) => {
          logger.error({ err }, 'graceful stop failed');
          exit(1);
        },
      );
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
    removeSignalHandlers = () => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    };
  }

  return { port, server, stop };
}

async function gracefulStop(server: Server, app: object, logger: Logger, onStop: Array<() => Promise<void>>, drainMs: number): Promise<void> {
  markDraining(app);
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive sockets that sit idle between requests would hold close() open; close them as they go idle.
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  server.closeIdleConnections();
  const drained = await Promise.race([closed.then(() => true), delay(drainMs).then(() => false)]);
  clearInterval(sweep);
  if (!drained) {
    logger.warn({ drainMs }, 'requests still in flight after the drain time; closing their connections');
    server.closeAllConnections();
    await closed;
  }
  for (const step of onStop) {
    try {
      await step();
    } catch (err) {
      logger.error({ err }, 'a stop step failed; continuing');
    }
  }
  await shutdownTelemetry().catch((err: unknown) => logger.warn({ err }, 'telemetry flush failed'));
  logger.info('stopped');
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
