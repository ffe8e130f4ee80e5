// What `npm test` started (dev/test/run.ts), and services started on it with their real sidecars.
import path from 'node:path';
import { startServiceProcess, type RunningService } from '../../dev/stack/service-process.js';

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run the system tests through \`npm test\`, which builds the toolchain and starts Kafka, Redis and FerretDB first`);
  }
  return value;
}

export function testStack() {
  const stateDir = required('COMMERCEX_TEST_STATE_DIR');
  return {
    stateDir,
    mongoUri: required('MONGODB_URI'),
    redisUrl: required('REDIS_URL'),
    daprd: required('COMMERCEX_DAPRD'),
    resourcesDir: required('COMMERCEX_RESOURCES_DIR'),
    configFile: required('COMMERCEX_DAPR_CONFIG'),
    logDir: path.join(stateDir, 'logs'),
  };
}

/** Starts services/<name> from its build output beside a real daprd; the databases are shared by the test run. */
export function startService(name: string, env: Record<string, string> = {}, appPort?: number): Promise<RunningService> {
  const s = testStack();
  return startServiceProcess({
    name,
    daprd: s.daprd,
    resourcesDir: s.resourcesDir,
    configFile: s.configFile,
    logDir: s.logDir,
    env: { MONGODB_URI: s.mongoUri, REDIS_URL: s.redisUrl, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ...env },
    ...(appPort === undefined ? {} : { appPort }),
  });
}

/** Calls an app's method through its own sidecar, as another service would (Dapr service invocation). */
export async function invoke(via: RunningService, appId: string, method: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`http://127.0.0.1:${via.sidecar.httpPort}/v1.0/invoke/${appId}/method/${method}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...init.headers },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Calls an app's own HTTP API directly, with the token its sidecar would send. */
export async function callApp(service: RunningService, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${service.url}/${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'dapr-api-token': service.appApiToken, ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** Publishes raw data through a service's sidecar, as that service would (no schema check: tests send poison too). */
export async function publish(via: RunningService, topic: string, data: unknown, eventId?: string): Promise<void> {
  const query = new URLSearchParams({ 'metadata.partitionKey': String((data as { orderId?: unknown } | null)?.orderId ?? topic) });
  if (eventId) query.set('metadata.cloudevent.id', eventId);
  const res = await fetch(`http://127.0.0.1:${via.sidecar.httpPort}/v1.0/publish/pubsub/${topic}?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(data),
  });
  if (res.status >= 300) throw new Error(`publish to ${topic} answered ${res.status}: ${await res.text()}`);
}

/** The value of one Prometheus sample on a service's /metrics (0 when absent), e.g. events_received_total{topic="x",outcome="handled"}. */
export async function metricValue(service: RunningService, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`${service.url}/metrics`)).text();
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `) ? wanted.every((w) => l.includes(w)) : false);
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}
