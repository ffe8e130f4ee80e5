import { context, propagation, trace } from '@opentelemetry/api';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { shutdownTelemetry } from '../src/index.js';
import { startTelemetry } from '../src/telemetry/start-telemetry.js';
import { captureLogger } from './helpers.js';

// The SDK also reads OTEL_SDK_DISABLED from process.env, which `npm test` sets for the services it starts.
beforeEach(() => {
  vi.stubEnv('OTEL_SDK_DISABLED', '');
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await shutdownTelemetry();
  trace.disable();
  context.disable();
  propagation.disable();
});

describe('telemetry', () => {
  it('when OTEL_SDK_DISABLED is true, then nothing starts', () => {
    expect(startTelemetry({ OTEL_SDK_DISABLED: 'true' })).toBeUndefined();
  });

  it('when no endpoint is configured, then spans still exist so logs carry trace ids, and nothing is exported', async () => {
    const sdk = startTelemetry({ OTEL_SERVICE_NAME: 'test-service' });
    expect(sdk).toBeDefined();
    const { logger, lines } = captureLogger();
    trace.getTracer('test').startActiveSpan('work', (span) => {
      logger.info('inside a span');
      span.end();
    });
    const line = lines()[0];
    expect(line?.trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(line?.span_id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('when a span is active, then outgoing headers get a W3C traceparent', () => {
    startTelemetry({});
    const headers: Record<string, string> = {};
    trace.getTracer('test').startActiveSpan('call', (span) => {
      propagation.inject(context.active(), headers);
      span.end();
    });
    expect(headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });

  it('when shutting down, then it resolves and a second shutdown is a no-op', async () => {
    startTelemetry({});
    await expect(shutdownTelemetry()).resolves.toBeUndefined();
    await expect(shutdownTelemetry()).resolves.toBeUndefined();
  });
});
