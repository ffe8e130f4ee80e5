// The Tiltfile, evaluated by the real tilt without a cluster (`tilt alpha tiltfile-result`).
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/app.js';
import { services } from '../src/catalog.js';
import { run, tool } from './support/tools.js';

interface Manifest { Name: string; Labels?: Record<string, string>; ResourceDependencies?: string[] }

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
