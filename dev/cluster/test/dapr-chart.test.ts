import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { run } from '../../toolchain/exec.js';
import { toolchainPaths } from '../../toolchain/paths.js';
import { DAPR_NAMESPACE, DAPR_REPO_PREFIX, DAPR_VERSION, daprChartDir, daprImages, daprValues, type BinaryImage } from '../dapr.js';

// Rendering needs the toolchain's helm (`npm run toolchain -- helm`) and go, to find the chart in the dapr module.
const helm = toolchainPaths.helm;
const registry = '127.0.0.1:5000';
const storageClass = 'commercex-local';
const images = daprImages({ daprd: '/toolchain/daprd-1.18.3/daprd', daprControlPlane: '/toolchain/dapr-control-plane-1.18.3' });

interface Container {
  readonly image?: string;
  readonly command?: readonly string[];
  readonly env?: readonly { name: string; value?: string }[];
}
interface Rendered {
  readonly kind: string;
  readonly metadata: { name: string };
  readonly spec?: { replicas?: number; volumeClaimTemplates?: unknown[]; template?: { spec: { containers: Container[]; initContainers?: Container[] } } };
}

async function render(chart: string, values: Record<string, unknown>): Promise<Rendered[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dapr-chart-'));
  try {
    const file = path.join(dir, 'values.json');
    fs.writeFileSync(file, JSON.stringify(values));
    const { stdout } = await run(helm, ['template', 'dapr', chart, '-n', DAPR_NAMESPACE, '--kube-version', '1.34.4', '-f', file]);
    return parseAllDocuments(stdout).map((d) => d.toJS() as Rendered | null).filter((d): d is Rendered => !!d);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const containersOf = (objects: Rendered[]) =>
  objects.flatMap((o) => [...(o.spec?.template?.spec.containers ?? []), ...(o.spec?.template?.spec.initContainers ?? [])]);

/** Every image a rendered chart makes the node pull: its pods' images and the sidecar image the injector injects. */
function referencedImages(objects: Rendered[]): string[] {
  const containers = containersOf(objects);
  const sidecars = containers.flatMap((c) => c.env ?? []).filter((e) => e.name === 'SIDECAR_IMAGE').map((e) => e.value ?? '');
  return [...containers.map((c) => c.image ?? ''), ...sidecars];
}

const refOf = (image: BinaryImage, tag: string) => `${registry}/${image.repo}:${tag}`;

describe.skipIf(!fs.existsSync(helm))('the Dapr chart with daprValues', () => {
  let chart: string;
  beforeAll(async () => {
    chart = await daprChartDir();
  }, 120_000);

  it('when rendered with the global tag, then it references exactly the images daprImages produces', async () => {
    const objects = await render(chart, daprValues({ registry, storageClass }));
    const referenced = new Set(referencedImages(objects));
    expect([...referenced].sort()).toEqual(images.map((i) => refOf(i, DAPR_VERSION)).sort());
  });

  it('when rendered with built references, then every pod and the sidecar use those references', async () => {
    const refs = Object.fromEntries(images.map((i) => [i.repo, refOf(i, `content-${i.repo.slice(DAPR_REPO_PREFIX.length + 1)}`)]));
    const referenced = new Set(referencedImages(await render(chart, daprValues({ registry, refs, storageClass }))));
    expect([...referenced].sort()).toEqual(Object.values(refs).sort());
  });

  it('when rendered, then no image points outside the local registry', async () => {
    const referenced = referencedImages(await render(chart, daprValues({ registry, storageClass })));
    expect(referenced.filter((ref) => !ref.startsWith(`${registry}/`))).toEqual([]);
  });

  it('when rendered, then each pod runs its image\'s entrypoint', async () => {
    for (const container of containersOf(await render(chart, daprValues({ registry, storageClass })))) {
      const image = images.find((i) => container.image === refOf(i, DAPR_VERSION));
      expect(container.command?.[0], container.image).toBe(image?.entrypoint[0]);
    }
  });

  it('when rendered, then only the scheduler claims volumes, of the local class, and only it runs more than one replica', async () => {
    const workloads = (await render(chart, daprValues({ registry, storageClass }))).filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet');
    expect(workloads.map((o) => o.metadata.name).sort()).toEqual(['dapr-operator', 'dapr-placement-server', 'dapr-scheduler-server', 'dapr-sentry', 'dapr-sidecar-injector']);
    const claims = workloads.filter((o) => o.spec?.volumeClaimTemplates);
    expect(claims.map((o) => o.metadata.name)).toEqual(['dapr-scheduler-server']);
    expect(claims[0]?.spec?.volumeClaimTemplates?.[0]).toMatchObject({ spec: { storageClassName: storageClass, resources: { requests: { storage: '1Gi' } } } });
    // The chart fixes the scheduler's embedded etcd at three members; the rest follow replicaCount.
    expect(Object.fromEntries(workloads.map((o) => [o.metadata.name, o.spec?.replicas]))).toMatchObject({
      'dapr-operator': 1, 'dapr-sentry': 1, 'dapr-sidecar-injector': 1, 'dapr-placement-server': 1, 'dapr-scheduler-server': 3,
    });
  });

  it('when the injector builds a sidecar, then its command is /daprd, where daprImages puts daprd', () => {
    const patcher = fs.readFileSync(path.join(chart, '..', '..', 'pkg', 'injector', 'patcher', 'sidecar_container.go'), 'utf8');
    expect(patcher).toContain('cmd := []string{"/daprd"}');
    expect(images.find((i) => i.repo === 'dapr/daprd')?.files).toEqual([{ from: '/toolchain/daprd-1.18.3/daprd', to: '/daprd' }]);
  });
});

describe('daprValues', () => {
  it('when built references lack a Dapr image, then it says which one to build', () => {
    expect(() => daprValues({ registry, storageClass, refs: { 'dapr/operator': `${registry}/dapr/operator:x` } })).toThrow(/no image for dapr\/sentry/);
  });
});
