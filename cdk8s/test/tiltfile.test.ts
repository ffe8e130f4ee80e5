// The Tiltfile, evaluated by the real tilt without a cluster (`tilt alpha tiltfile-result`), for any cluster and with
// the settings `npm run cluster` writes for the one on this machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { clusterPaths, clusterSettings } from '../../dev/cluster/settings.js';
import { tiltSettings } from '../../dev/cluster/tilt-settings.js';
import { repoRoot } from '../src/app.js';
import { services } from '../src/catalog.js';
import { run, tool } from './support/tools.js';

interface Manifest { Name: string; Labels?: Record<string, string>; ResourceDependencies?: string[]; DeployTarget?: { yaml?: string } }

const serviceNames = services.map((s) => s.name);
let manifests: Manifest[];
let raw: string;

describe('Tiltfile (real tilt)', { timeout: 180_000 }, () => {
  beforeAll(() => {
    const result = run(tool('tilt'), ['alpha', 'tiltfile-result', '--file', 'Tiltfile'], { cwd: repoRoot, env: { ...process.env, TILT_DISABLE_ANALYTICS: '1' } });
    if (result.code !== 0) throw new Error(`tilt alpha tiltfile-result failed:\n${result.stderr}\n${result.stdout}`);
    raw = result.stdout;
    manifests = (JSON.parse(raw) as { Manifests: Manifest[] }).Manifests;
  }, 180_000);

  it('when evaluated, then the Dapr control plane, the manifests, the dependencies and every service are resources', () => {
    const names = manifests.map((m) => m.Name);
    expect(names).toEqual(expect.arrayContaining(['dapr-control-plane', 'dapr-dashboard', 'cdk8s-synth', 'dapr-resources', 'kafka', 'mongodb', 'redis', 'jaeger', ...serviceNames]));
  });

  it('when evaluated, then resources are grouped by labels and services wait for Dapr and their dependencies', () => {
    const byName = new Map(manifests.map((m) => [m.Name, m]));
    expect(Object.keys(byName.get('kafka')?.Labels ?? {})).toContain('infra');
    expect(Object.keys(byName.get('dapr-control-plane')?.Labels ?? {})).toContain('dapr');
    expect(byName.get('dapr-resources')?.ResourceDependencies).toContain('dapr-control-plane');
    for (const name of serviceNames) {
      expect(Object.keys(byName.get(name)?.Labels ?? {})).toContain('services');
      expect(byName.get(name)?.ResourceDependencies).toEqual(expect.arrayContaining(['dapr-resources', 'kafka', 'mongodb', 'redis']));
    }
  });

  it('when evaluated, then each service has an image with live update, and the UIs are forwarded', () => {
    for (const name of serviceNames) expect(raw).toContain(`commercex/${name}`);
    expect(raw).toMatch(/16686/);
    expect(raw).toMatch(/9999/);
    expect(raw).toMatch(/8080/);
    expect(raw.toLowerCase()).toContain('liveupdate');
  });
});

describe('Tiltfile with --local-cluster (real tilt)', { timeout: 180_000 }, () => {
  let local: Manifest[];
  let localRaw: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tilt-local-'));
  const p = clusterPaths(clusterSettings({ COMMERCEX_CLUSTER_DIR: dir, CLUSTER_NODE_IP: '192.0.2.1' }));
  const settings = tiltSettings(p, {
    kubeContext: 'kubernetes-admin@commercex',
    registry: '127.0.0.1:5000',
    helm: '/opt/helm/helm',
    daprChart: '/modules/dapr@v1.18.3/charts/dapr',
    daprValues: path.join(dir, 'dapr-values.json'),
    shop: { repository: '127.0.0.1:5000/commercex', tag: 't', kafka: '127.0.0.1:5000/commercex/kafka:k1', mongodb: '127.0.0.1:5000/commercex/mongodb:m1', redis: '127.0.0.1:5000/commercex/redis:r1', paymentProvider: '127.0.0.1:5000/commercex/payment-provider:p1' },
  });

  beforeAll(() => {
    // Only the context's name matters to the Tiltfile; nothing connects to this server.
    fs.writeFileSync(p.kubeconfig, JSON.stringify({
      apiVersion: 'v1', kind: 'Config', 'current-context': settings.kubeContext,
      clusters: [{ name: 'commercex', cluster: { server: 'https://127.0.0.1:1' } }],
      users: [{ name: 'admin', user: {} }],
      contexts: [{ name: settings.kubeContext, context: { cluster: 'commercex', user: 'admin' } }],
    }));
    const file = path.join(dir, 'tilt-settings.json');
    fs.writeFileSync(file, JSON.stringify(settings));
    const result = run(tool('tilt'), ['alpha', 'tiltfile-result', '--file', 'Tiltfile', '--', '--local-cluster', file], {
      cwd: repoRoot, env: { ...process.env, TILT_DISABLE_ANALYTICS: '1', KUBECONFIG: p.kubeconfig },
    });
    if (result.code !== 0) throw new Error(`tilt alpha tiltfile-result --local-cluster failed:\n${result.stderr}\n${result.stdout}`);
    localRaw = result.stdout;
    local = (JSON.parse(localRaw) as { Manifests: Manifest[] }).Manifests;
  }, 180_000);

  it('when evaluated, then the registry is the default and each service is built by the buildah builder from its dev stage', () => {
    expect(JSON.parse(localRaw).DefaultRegistry).toMatchObject({ host: '127.0.0.1:5000' });
    for (const name of serviceNames) expect(localRaw).toContain(`${settings.imageBuilder} ${name}-dev --ref-to ${settings.imageRefDir}/${name}.ref`);
    expect(localRaw).not.toContain('dockerfile');
  });

  it('when evaluated, then Dapr comes from the chart directory with the cluster\'s values, and nothing of tracing or the dashboard is deployed', () => {
    expect(localRaw).toContain(`/opt/helm/helm upgrade --install dapr ${settings.daprChart} --namespace dapr-system --create-namespace -f ${settings.daprValues}`);
    expect(localRaw).not.toContain('helm repo add');
    const names = local.map((m) => m.Name);
    expect(names).not.toContain('jaeger');
    expect(names).not.toContain('dapr-dashboard');
    for (const name of serviceNames) expect(local.find((m) => m.Name === name)?.ResourceDependencies).not.toContain('jaeger');
  });

  it('when evaluated, then the dependencies run the images the cluster built and the services ask for what one small node has', () => {
    const yaml = local.map((m) => m.DeployTarget?.yaml ?? '').join('\n---\n');
    for (const ref of Object.values(settings.images)) expect(yaml).toContain(`image: ${ref}`);
    expect(yaml).not.toContain('image: apache/kafka');
    expect(yaml.match(/dapr\.io\/sidecar-cpu-request: (\S+)/g)).toEqual(serviceNames.map(() => `dapr.io/sidecar-cpu-request: ${settings.sidecarCpuRequest}`));
    expect(yaml).toMatch(new RegExp(`requests:\\n\\s+cpu: ${settings.appRequests.cpu}\\n`));
  });
});
