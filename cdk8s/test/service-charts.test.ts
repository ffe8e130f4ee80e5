// Every service in the catalog, as synthesized: each property the DaprService construct promises.
import { describe, expect, it } from 'vitest';
import { services } from '../src/catalog.js';
import { synth, type K8sObject } from './support/synth.js';

const app = synth();
const invokedBy = (name: string) => services.filter((s) => s.invokes.includes(name)).map((s) => s.name);
const podSpec = (d: K8sObject) => d.spec.template.spec;
const appContainer = (d: K8sObject) => podSpec(d).containers.find((c: { name: string }) => c.name === 'app');

describe.each(services.map((s) => [s.name, s] as const))('service %s', (name, spec) => {
  const deployment = app.get('Deployment', name);
  const annotations = deployment.spec.template.metadata.annotations as Record<string, string>;
  const selector = deployment.spec.selector.matchLabels as Record<string, string>;
  const container = appContainer(deployment);

  it('when rolled out, then it surges by 25% and never drops below the desired count', () => {
    expect(deployment.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } });
  });

  it('when deployed, then a Service on its app port and its own ServiceAccount come with it', () => {
    const service = app.get('Service', name);
    expect(service.spec.selector).toEqual(selector);
    expect(service.spec.ports).toEqual([{ name: 'http', port: spec.appPort, targetPort: spec.appPort }]);
    expect(app.get('ServiceAccount', name)).toBeDefined();
    expect(podSpec(deployment).serviceAccountName).toBe(name);
    expect(deployment.spec.template.metadata.labels).toMatchObject(selector);
  });

  it('when probed, then startup and liveness ask /health and readiness asks /ready on the app port', () => {
    expect(container.startupProbe.httpGet).toMatchObject({ path: '/health', port: spec.appPort });
    expect(container.livenessProbe.httpGet).toMatchObject({ path: '/health', port: spec.appPort });
    expect(container.readinessProbe.httpGet).toMatchObject({ path: '/ready', port: spec.appPort });
    expect(container.startupProbe.failureThreshold * container.startupProbe.periodSeconds).toBeGreaterThanOrEqual(60);
  });

  it('when scheduled, then the app and the sidecar both have requests and limits', () => {
    expect(container.resources).toEqual({ requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } });
    for (const key of ['sidecar-cpu-request', 'sidecar-memory-request', 'sidecar-cpu-limit', 'sidecar-memory-limit']) {
      expect(annotations[`dapr.io/${key}`]).toMatch(/^[0-9]+(m|Mi)$/);
    }
  });

  it('when scheduled, then replicas avoid sharing a node and spread over nodes and zones', () => {
    const [term] = podSpec(deployment).affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution;
    expect(term.podAffinityTerm).toEqual({ labelSelector: { matchLabels: selector }, topologyKey: 'kubernetes.io/hostname' });
    const spread = podSpec(deployment).topologySpreadConstraints as { topologyKey: string; labelSelector: unknown; maxSkew: number }[];
    expect(spread.map((c) => c.topologyKey)).toEqual(['kubernetes.io/hostname', 'topology.kubernetes.io/zone']);
    for (const c of spread) expect(c).toMatchObject({ maxSkew: 1, labelSelector: { matchLabels: selector } });
  });

  it('when loaded, then an autoscaling/v2 HPA scales it on the app container\'s CPU and memory, and owns the replica count', () => {
    const hpa = app.get('HorizontalPodAutoscaler', name);
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name });
    expect(hpa.spec).toMatchObject({ minReplicas: 2, maxReplicas: 6 });
    expect(hpa.spec.metrics.map((m: { containerResource: unknown }) => m.containerResource)).toEqual([
      { container: 'app', name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
      { container: 'app', name: 'memory', target: { type: 'Utilization', averageUtilization: 80 } },
    ]);
    expect(deployment.spec.replicas).toBeUndefined();
  });

  it('when nodes are drained, then a PodDisruptionBudget lets one pod go at a time', () => {
    expect(app.get('PodDisruptionBudget', name).spec).toEqual({ maxUnavailable: 1, selector: { matchLabels: selector }, unhealthyPodEvictionPolicy: 'AlwaysAllow' });
  });

  it('when running, then it is non-root, read-only, without capabilities, under RuntimeDefault seccomp', () => {
    expect(podSpec(deployment).securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(container.securityContext).toMatchObject({
      runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, privileged: false,
      capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(container.volumeMounts).toEqual([{ mountPath: '/tmp', name: 'tmp' }]);
    expect(annotations['dapr.io/sidecar-seccomp-profile-type']).toBe('RuntimeDefault');
  });

  it('when terminated, then the grace period outlasts daprd\'s graceful shutdown', () => {
    expect(podSpec(deployment).terminationGracePeriodSeconds).toBeGreaterThan(Number(annotations['dapr.io/graceful-shutdown-seconds']));
  });

  it('when injected, then the sidecar gets its app id, port, config, app health checks, tokens, JSON logs and metrics', () => {
    expect(annotations).toMatchObject({
      'dapr.io/enabled': 'true',
      'dapr.io/app-id': name,
      'dapr.io/app-port': String(spec.appPort),
      'dapr.io/config': name,
      'dapr.io/enable-app-health-check': 'true',
      'dapr.io/app-health-check-path': '/health',
      'dapr.io/api-token-secret': 'dapr-api-token',
      'dapr.io/app-token-secret': 'app-api-token',
      'dapr.io/log-as-json': 'true',
      'dapr.io/enable-metrics': 'true',
    });
    expect(app.get('Configuration', name).kind).toBe('Configuration');
    expect(app.get('Secret', 'dapr-api-token')).toBeDefined();
    expect(app.get('Secret', 'app-api-token')).toBeDefined();
  });

  it('when started, then the app gets the variables it reads, secrets by reference', () => {
    const env = new Map<string, { value?: string; valueFrom?: { secretKeyRef: { name: string; key: string } } }>(
      container.env.map((e: { name: string }) => [e.name, e]),
    );
    expect(env.get('SERVICE_NAME')?.value).toBe(name);
    expect(env.get('APP_PORT')?.value).toBe(String(spec.appPort));
    expect(env.get('OTEL_SERVICE_NAME')?.value).toBe(name);
    expect(env.get('LOG_LEVEL')?.value).toBe('info');
    expect(env.get('OTEL_EXPORTER_OTLP_ENDPOINT')?.value).toBe('http://jaeger:4318');
    expect(env.get('DAPR_API_TOKEN')?.valueFrom?.secretKeyRef).toEqual({ name: 'dapr-api-token', key: 'token' });
    expect(env.get('APP_API_TOKEN')?.valueFrom?.secretKeyRef).toEqual({ name: 'app-api-token', key: 'token' });
    expect(env.get('MONGODB_URI')?.valueFrom?.secretKeyRef).toEqual(spec.mongo ? { name: 'connections', key: 'mongodb-uri' } : undefined);
    expect(env.get('REDIS_URL')?.valueFrom?.secretKeyRef).toEqual(spec.redis ? { name: 'connections', key: 'redis-url' } : undefined);
  });

  it('when isolated, then its NetworkPolicy admits only its callers\' sidecars, the public entry\'s clients and metrics scrapers', () => {
    const policy = app.get('NetworkPolicy', name);
    expect(policy.spec.podSelector).toEqual({ matchLabels: selector });
    expect(policy.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    const ingress = policy.spec.ingress as { from?: { podSelector?: { matchExpressions: { values: string[] }[] }; namespaceSelector?: unknown }[]; ports: { port: number }[] }[];
    const open = ingress.filter((r) => r.from === undefined);
    expect(open.flatMap((r) => r.ports.map((p) => p.port))).toEqual(name === 'gateway' ? [spec.appPort] : []);
    const fromApps = ingress.filter((r) => r.from?.[0]?.podSelector);
    expect(fromApps.flatMap((r) => r.from![0]!.podSelector!.matchExpressions[0]!.values)).toEqual(invokedBy(name));
    for (const r of fromApps) expect(r.ports).toEqual([{ protocol: 'TCP', port: 50002 }]);
    for (const r of ingress.filter((x) => x.from?.[0]?.namespaceSelector)) expect(r.ports.map((p) => p.port).sort()).toEqual([spec.appPort, 9090].sort());
  });

  it('when isolated, then its NetworkPolicy lets it reach only DNS, the Dapr control plane, the apps it invokes and its backing services', () => {
    const egress = app.get('NetworkPolicy', name).spec.egress as { to?: { podSelector?: { matchExpressions: { values: string[] }[] }; namespaceSelector?: { matchLabels: Record<string, string> } }[]; ports?: { port: number }[] }[];
    expect(egress[0]!.ports!.map((p) => p.port)).toEqual([53, 53]);
    expect(egress[1]!.to![0]!.namespaceSelector!.matchLabels).toEqual({ 'kubernetes.io/metadata.name': 'dapr-system' });
    const toApps = egress.filter((r) => r.to?.[0]?.podSelector).flatMap((r) => r.to![0]!.podSelector!.matchExpressions[0]!.values);
    expect(toApps).toEqual([...spec.invokes]);
    const ports = egress.filter((r) => r.to === undefined && r !== egress[0]).flatMap((r) => r.ports!.map((p) => p.port));
    expect(ports).toEqual(expect.arrayContaining([4317, 4318]));
    expect(ports.includes(27017)).toBe(spec.mongo);
    expect(ports.includes(9092)).toBe(spec.publishes.length + spec.subscribes.length > 0);
    expect(ports.includes(6379)).toBe(spec.redis || name === 'cart');
  });
});
