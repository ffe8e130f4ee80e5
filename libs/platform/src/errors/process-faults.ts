import type { Logger } from '../logging/logger.js';

/**
 * A rejection nobody handled or an exception nobody caught is a bug: log it and exit so the orchestrator restarts a clean process.
 * Returns a function that removes the handlers (tests).
 */
export function installProcessFaultHandlers(logger: Logger, exit: (code: number) => void = (code) => process.exit(code)): () => void {
  const onRejection = (reason: unknown) => {
    logger.fatal({ err: reason }, 'unhandled promise rejection; exiting');
    exit(1);
  };
  const onException = (err: Error) => {
    logger.fatal({ err }, 'uncaught exception; exiting');
    exit(1);
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}
