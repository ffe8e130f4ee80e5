import { collectDefaultMetrics, Registry } from 'prom-client';

// One registry per process: /metrics serves it and services register their own counters on it.
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

/** Returns the metric registered under `name`, creating it once; safe when several apps share a registry (tests). */
export function registerOnce<M>(registry: Registry, name: string, create: () => M): M {
  return (registry.getSingleMetric(name) as M | undefined) ?? create();
}
