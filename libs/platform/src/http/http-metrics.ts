import type { Request, RequestHandler } from 'express';
import { Counter, Histogram, type Registry } from 'prom-client';
import { registerOnce } from './metrics-registry.js';

const labelNames = ['method', 'route', 'status'] as const;

function httpMetrics(registry: Registry) {
  return {
    requests: registerOnce(registry, 'http_requests_total', () =>
      new Counter({ name: 'http_requests_total', help: 'HTTP requests answered', labelNames, registers: [registry] })),
    errors: registerOnce(registry, 'http_request_errors_total', () =>
      new Counter({ name: 'http_request_errors_total', help: 'HTTP requests answered with a 5xx', labelNames, registers: [registry] })),
    duration: registerOnce(registry, 'http_request_duration_seconds', () =>
      new Histogram({
        name: 'http_request_duration_seconds',
        help: 'HTTP request duration',
        labelNames,
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        registers: [registry],
      })),
  };
}

/** Labels by route pattern, not URL, so ids do not explode the label set. */
export function routePattern(req: Request): string {
  const path: unknown = req.route?.path;
  return typeof path === 'string' ? `${req.baseUrl}${path}` || '/' : '<unmatched>';
}

export function httpMetricsMiddleware(registry: Registry): RequestHandler {
  const metrics = httpMetrics(registry);
  return (req, res, next) => {
    const stop = metrics.duration.startTimer();
    res.once('finish', () => {
      const labels = { method: req.method, route: routePattern(req), status: String(res.statusCode) };
      stop(labels);
      metrics.requests.inc(labels);
      if (res.statusCode >= 500) metrics.errors.inc(labels);
    });
    next();
  };
}
