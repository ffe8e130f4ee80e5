// What `npm test` started (dev/test/run.ts), and services started on it with their real sidecars.
import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { configFileFor } from '../../dev/stack/resources.js';
import { startServiceProcess, type RunningService } from '../../dev/stack/service-process.js';
import { startSidecar, type Sidecar } from '../../dev/stack/sidecar.js';
import { publishedTopics, services, type ServiceName } from '../../libs/contracts/src/index.js';

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
    configDir: required('COMMERCEX_DAPR_CONFIG_DIR'),
    configFileFor: (appId: string) => configFileFor(required('COMMERCEX_DAPR_CONFIG_DIR'), appId),
    sentry: { address: required('COMMERCEX_SENTRY_ADDRESS'), trustAnchors: fs.readFileSync(required('COMMERCEX_TRUST_ANCHORS_FILE'), 'utf8') },
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
    configDir: s.configDir,
    sentry: s.sentry,
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

/** The service that publishes `topic` in the catalog: the topic's own publisher before a dead-letter one. */
function publisherOf(topic: string): ServiceName {
  const owner = services.find((s) => s.publishes.includes(topic)) ?? services.find((s) => publishedTopics(s.name).includes(topic));
  if (!owner) throw new Error(`no service in the catalog may publish ${topic}: add it to libs/contracts/src/service-catalog.ts`);
  return owner.name;
}

const publishers = new Map<ServiceName, Promise<Sidecar>>();

/**
 * The app's Configuration with a name resolution database of its own: a sidecar without an app must not be listed as
 * an instance of the app id, or invocations of the real app would be sent to it ("app channel is not initialized").
 */
function publisherConfig(appId: ServiceName): string {
  const s = testStack();
  const file = path.join(s.configDir, `${appId}.publisher.yaml`);
  if (!fs.existsSync(file)) {
    const config = parse(fs.readFileSync(s.configFileFor(appId), 'utf8')) as { spec: { nameResolution: { configuration: Record<string, string> } } };
    config.spec.nameResolution.configuration.connectionString = path.join(s.stateDir, 'publishers-name-resolution.db');
    fs.writeFileSync(file, stringify(config));
  }
  return file;
}

/** Stops the publishers' sidecars (test/support/stop-publishers.ts runs it after each file). */
export async function stopPublishers(): Promise<void> {
  const started = [...publishers.values()];
  publishers.clear();
  await Promise.all(started.map(async (sidecar) => (await sidecar.catch(() => undefined))?.stop()));
}

/**
 * Publishes raw data as the topic's publisher would (no schema check: tests send poison too), through a sidecar of
 * that app id without an app; the publishing scopes let no other app publish it. One such sidecar per app per file.
 */
export async function publish(topic: string, data: unknown, eventId?: string): Promise<void> {
  const appId = publisherOf(topic);
  let sidecar = publishers.get(appId);
  if (!sidecar) {
    const s = testStack();
    sidecar = startSidecar({ daprd: s.daprd, appId, resourcesDir: s.resourcesDir, configFile: publisherConfig(appId), sentry: s.sentry, logDir: s.logDir });
    publishers.set(appId, sidecar);
  }
  const { httpPort } = await sidecar;
  const query = new URLSearchParams({ 'metadata.partitionKey': String((data as { orderId?: unknown } | null)?.orderId ?? topic) });
  if (eventId) query.set('metadata.cloudevent.id', eventId);
  const res = await fetch(`http://127.0.0.1:${httpPort}/v1.0/publish/pubsub/${topic}?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(data),
  });
  if (res.status >= 300) throw new Error(`publish to ${topic} as ${appId} answered ${res.status}: ${await res.text()}`);
}

/** The value of one Prometheus sample on a service's /metrics (0 when absent), e.g. events_received_total{topic="x",outcome="handled"}. */
export async function metricValue(service: RunningService, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`${service.url}/metrics`)).text();
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `) ? wanted.every((w) => l.includes(w)) : false);
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}
