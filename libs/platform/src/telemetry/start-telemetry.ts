import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { NodeSDK, type NodeSDKConfiguration } from '@opentelemetry/sdk-node';
import { setTelemetryShutdown } from './telemetry-shutdown.js';

type SpanProcessor = NonNullable<NodeSDKConfiguration['spanProcessors']>[number];

// Spans are still created without an exporter, so trace ids reach the logs and propagate through Dapr.
const keepSpansLocal: SpanProcessor = {
  onStart: () => undefined,
  onEnd: () => undefined,
  forceFlush: () => Promise.resolve(),
  shutdown: () => Promise.resolve(),
};

const quietPaths = new Set(['/health', '/ready', '/metrics']);

function isSet(env: NodeJS.ProcessEnv, ...names: string[]): boolean {
  return names.some((name) => (env[name] ?? '').trim() !== '');
}

/**
 * Starts the OpenTelemetry SDK from the standard OTEL_* variables. A signal is exported only when an endpoint
 * (or an explicit exporter) is configured for it; OTEL_SDK_DISABLED=true turns everything off.
 */
export function startTelemetry(env: NodeJS.ProcessEnv = process.env): NodeSDK | undefined {
  if ((env.OTEL_SDK_DISABLED ?? '').trim().toLowerCase() === 'true') return undefined;
  const exportsTraces = isSet(env, 'OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'OTEL_TRACES_EXPORTER');
  const exportsMetrics = isSet(env, 'OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT', 'OTEL_METRICS_EXPORTER');
  const exportsLogs = isSet(env, 'OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_LOGS_ENDPOINT', 'OTEL_LOGS_EXPORTER');
  const serviceName = env.OTEL_SERVICE_NAME ?? env.SERVICE_NAME;

  const sdk = new NodeSDK({
    ...(serviceName ? { serviceName } : {}),
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => quietPaths.has((req.url ?? '').split('?')[0] ?? '') }),
      new ExpressInstrumentation(),
    ],
    ...(exportsTraces ? {} : { spanProcessors: [keepSpansLocal] }),
    ...(exportsMetrics ? {} : { metricReaders: [] }),
    ...(exportsLogs ? {} : { logRecordProcessors: [] }),
  });
  sdk.start();
  setTelemetryShutdown(() => sdk.shutdown());
  return sdk;
}
