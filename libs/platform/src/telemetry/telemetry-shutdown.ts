// Set by the telemetry entry point when it started the SDK; the lifecycle flushes through it on stop.
let shutdown: (() => Promise<void>) | undefined;

export function setTelemetryShutdown(fn: (() => Promise<void>) | undefined): void {
  shutdown = fn;
}

/** Flushes and stops OpenTelemetry if it was started; a no-op otherwise. */
export async function shutdownTelemetry(): Promise<void> {
  const fn = shutdown;
  shutdown = undefined;
  await fn?.();
}
