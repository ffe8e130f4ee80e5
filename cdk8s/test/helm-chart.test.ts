// The generated Helm chart, with the real helm: current with the app, lint-clean, and rendering the
// plain manifests by default and the overrides users expect when asked.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/app.js';
import { services } from '../src/catalog.js';
import { targetKubernetes } from '../src/kubernetes-version.js';
import { synthesize } from '../src/synth.js';
import type { K8sObject } from './support/synth.js';
import { run, tool } from './support/tools.js';
import { invalidObjects } from './support/validate-objects.js';

const chartDir = path.join(repoRoot, 'charts/commercex');
const distDir = path.join(repoRoot, 'dist');
const generatedSecrets = ['dapr-api-token', 'app-api-token', 'jwt-signing-key', 'admin'];
let helm: string;

function parse(text: string): K8sObject[] {
  return parseAllDocuments(text).map((d) => d.toJS() as K8sObject | null).filter((o): o is K8sObject => o !== null);
}

function template(namespace: string, ...sets: string[]): K8sObject[] {
  const args = ['template', 'commercex', chartDir, '--namespace', namespace, '--kube-version', `${targetKubernetes}.0`, ...sets.flatMap((s) => ['--set', s])];
  const result = run(helm, args);
  if (result.code !== 0) throw new Error(`helm ${args.join(' ')}\n${result.stderr}`);
  return parse(result.stdout);
}

const key = (o: K8sObject) => `${o.kind}/${o.metadata.name}`;
const find = (objects: K8sObject[], kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name);
const withoutGeneratedValues = (o: K8sObject) => (o.kind === 'Secret' && generatedSecrets.includes(o.metadata.name) ? { ...o, stringData: '(generated)' } : o);

describe('Helm chart (real helm)', { timeout: 120_000 }, () => {
  beforeAll(() => {
    helm = tool('helm');
  });

  it('when the app is synthesized again, then dist/ and charts/commercex are exactly what is committed', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'commercex-synth-'));
    const out = synthesize({ dist: path.join(tmp, 'dist'), chart: path.join(tmp, 'chart') });
    for (const file of out.manifests) expect(fs.readFileSync(path.join(tmp, 'dist', file), 'utf8'), `dist/${file}`).toBe(fs.readFileSync(path.join(distDir, file), 'utf8'));
    for (const file of out.chart) expect(fs.readFileSync(path.join(tmp, 'chart', file), 'utf8'), `charts/commercex/${file}`).toBe(fs.readFileSync(path.join(chartDir, file), 'utf8'));
    expect(fs.readdirSync(distDir).sort()).toEqual([...out.manifests].sort());
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('when read as Kubernetes reads YAML (1.1), then dist/ means what it says (no bare no/on/yes turning boolean)', () => {
    for (const file of fs.readdirSync(distDir)) {
      const text = fs.readFileSync(path.join(distDir, file), 'utf8');
      const asKubernetes = parseAllDocuments(text, { version: '1.1' }).map((d) => d.toJS());
      expect(asKubernetes, file).toEqual(parse(text));
    }
  });

  it('when linted strictly, then helm finds nothing wrong', () => {
    const result = run(helm, ['lint', '--strict', chartDir, '--kube-version', `${targetKubernetes}.0`]);
    expect(result.stderr + result.stdout).toMatch(/1 chart\(s\) linted, 0 chart\(s\) failed/);
    expect(result.code).toBe(0);
  });

  it('when rendered with the defaults, then it is the plain manifests (bar the namespace object and generated secrets)', () => {
    const rendered = template('commercex').map(withoutGeneratedValues);
    const plain = fs.readdirSync(distDir).flatMap((f) => parse(fs.readFileSync(path.join(distDir, f), 'utf8')))
      .filter((o) => o.kind !== 'Namespace').map(withoutGeneratedValues);
    expect(rendered.map(key).sort()).toEqual(plain.map(key).sort());
    for (const o of plain) expect(find(rendered, o.kind, o.metadata.name), key(o)).toEqual(o);
  });

  it('when rendered for another release namespace, then every object and every namespace reference follows it', () => {
    const rendered = template('shop');
    expect(rendered.filter((o) => o.metadata.namespace !== 'shop').map(key)).toEqual([]);
    const policies = find(rendered, 'Configuration', 'catalog')!.spec.accessControl.policies as { namespace: string }[];
    expect(policies.map((p) => p.namespace)).toEqual(policies.map(() => 'shop'));
    expect(find(rendered, 'RoleBinding', 'secretstore-reader-users')!.subjects).toEqual([expect.objectContaining({ namespace: 'shop' })]);
    const tokens = find(rendered, 'Secret', 'dapr-api-token')!.stringData as { token: string };
    expect(tokens.token).toMatch(/^[A-Za-z0-9]{48}$/);
    expect(find(rendered, 'Secret', 'admin')!.stringData).toEqual({ email: 'admin@commercex.local', password: expect.stringMatching(/^[A-Za-z0-9]{48}$/) });
  });

  it('when installed with the defaults, then payments charges the in-cluster simulator, which the chart runs', () => {
    const rendered = template('shop');
    expect(find(rendered, 'Deployment', 'payment-provider')).toBeDefined();
    expect(find(rendered, 'Service', 'payment-provider')!.spec.ports).toEqual([expect.objectContaining({ port: 4010 })]);
    expect((find(rendered, 'Secret', 'connections')!.stringData as Record<string, string>)['payment-provider-url']).toBe('http://payment-provider:4010');
  });

  it('when the simulator is switched off, then the real provider\'s URL is required, and used once given', () => {
    const args = ['template', 'commercex', chartDir, '--kube-version', `${targetKubernetes}.0`, '--set', 'paymentProvider.enabled=false'];
    const refused = run(helm, args);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/connections.paymentProviderUrl is required when paymentProvider.enabled is false/);
    const rendered = template('shop', 'paymentProvider.enabled=false', 'connections.paymentProviderUrl=https://pay.example.com');
    expect(find(rendered, 'Deployment', 'payment-provider')).toBeUndefined();
    expect((find(rendered, 'Secret', 'connections')!.stringData as Record<string, string>)['payment-provider-url']).toBe('https://pay.example.com');
  });

  it('when image, replicas, resources and dependencies are overridden, then the rendered objects show every override', () => {
    const rendered = template('shop',
      'image.registry=ghcr.io/acme', 'image.tag=1.2.3', 'image.pullPolicy=Always',
      'autoscaling.enabled=false', 'replicas=3',
      'resources.requests.cpu=250m', 'resources.limits.memory=1Gi',
      'sidecar.resources.requests.cpu=20m', 'sidecar.resources.limits.memory=128Mi',
      'kafka.enabled=false', 'mongodb.enabled=false', 'redis.enabled=false', 'tracing.enabled=false', 'tracing.host=otel.observability',
      'connections.kafkaBrokers=kafka.managed:9093', 'logLevel=debug');
    for (const { name } of services) {
      const deployment = find(rendered, 'Deployment', name)!;
      const container = deployment.spec.template.spec.containers[0];
      expect(container.image).toBe(`ghcr.io/acme/${name}:1.2.3`);
      expect(container.imagePullPolicy).toBe('Always');
      expect(deployment.spec.replicas).toBe(3);
      expect(container.resources).toEqual({ requests: { cpu: '250m', memory: '128Mi' }, limits: { cpu: '500m', memory: '1Gi' } });
      expect(deployment.spec.template.metadata.annotations).toMatchObject({ 'dapr.io/sidecar-cpu-request': '20m', 'dapr.io/sidecar-memory-limit': '128Mi' });
      const env = Object.fromEntries(container.env.map((e: { name: string; value?: string }) => [e.name, e.value]));
      expect(env).toMatchObject({ LOG_LEVEL: 'debug', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel.observability:4318' });
      expect(find(rendered, 'Configuration', name)!.spec.tracing.otel.endpointAddress).toBe('otel.observability:4317');
    }
    expect(rendered.filter((o) => o.kind === 'HorizontalPodAutoscaler')).toEqual([]);
    for (const name of ['kafka', 'mongodb', 'redis', 'jaeger']) expect(find(rendered, 'Deployment', name), name).toBeUndefined();
    expect((find(rendered, 'Secret', 'connections')!.stringData as Record<string, string>)['kafka-brokers']).toBe('kafka.managed:9093');
    expect(invalidObjects(rendered)).toEqual([]);
  }, 120_000);

  it('when the autoscaling bounds are overridden, then every HPA uses them and no Deployment pins a replica count', () => {
    const rendered = template('shop', 'autoscaling.minReplicas=3', 'autoscaling.maxReplicas=12', 'autoscaling.targetCpuUtilization=60');
    const hpas = rendered.filter((o) => o.kind === 'HorizontalPodAutoscaler');
    expect(hpas).toHaveLength(services.length);
    for (const hpa of hpas) {
      expect(hpa.spec).toMatchObject({ minReplicas: 3, maxReplicas: 12 });
      expect(hpa.spec.metrics[0].containerResource).toMatchObject({ name: 'cpu', target: { averageUtilization: 60 } });
    }
    expect(rendered.filter((o) => o.kind === 'Deployment' && o.metadata.labels?.['app.kubernetes.io/component'] === 'service' && o.spec.replicas !== undefined)).toEqual([]);
    expect(invalidObjects(rendered)).toEqual([]);
  }, 120_000);

  it('when secrets are managed outside the chart, then it renders none', () => {
    expect(template('shop', 'connections.create=false', 'secrets.create=false').filter((o) => o.kind === 'Secret')).toEqual([]);
  });

  it.each([
    ['replicaz=3', /additional properties 'replicaz' not allowed/],
    ['autoscaling.minReplicas=many', /minReplicas/],
    ['kafka.enabled=perhaps', /enabled/],
  ])('when an override is %s, then helm refuses it with the values schema', (set, message) => {
    const result = run(helm, ['template', 'commercex', chartDir, '--kube-version', `${targetKubernetes}.0`, '--set', set]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(message);
  });
});
