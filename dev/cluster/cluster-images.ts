// Every image the cluster runs, built into its registry: the pod sandbox, CoreDNS, metrics-server, the Dapr
// control plane and sidecar, the shop's services and its development dependencies.
import path from 'node:path';
import type { ToolchainPaths } from '../toolchain/paths.js';
import { TOOL_VERSIONS } from '../toolchain/versions.js';
import { daprImages } from './dapr.js';
import { buildImages } from './images/build-images.js';
import { TagHash } from './images/content-hash.js';
import { serviceNames } from './images/dockerfile-images.js';
import { PAUSE_IMAGE_TAG } from './containerd.js';
import { pauseBinary } from './pause-image.js';
import { startRegistry, tagManifest } from './registry.js';
import type { ClusterPaths, ClusterSettings } from './settings.js';
import type { ShopImages } from './shop.js';

export interface BuiltImages {
  readonly registry: string;
  /** Full reference by image name, as images.json has them. */
  readonly refs: Readonly<Record<string, string>>;
  readonly coredns: string;
  readonly metricsServer: string;
  readonly shop: ShopImages;
}

function need(refs: Record<string, string>, name: string): string {
  const ref = refs[name];
  if (!ref) throw new Error(`the image build returned no ${name}: see dev/cluster/images`);
  return ref;
}

/** Tags an image the registry holds once more, inside the registry: only the manifest is copied. */
async function tagAs(registry: string, ref: string, tag: string): Promise<string> {
  const match = /^[^/]+\/(.+):([^:/]+)$/.exec(ref);
  if (!match) throw new Error(`not an image reference with a tag: ${ref}`);
  await tagManifest(registry, match[1]!, match[2]!, tag);
  return `${registry}/${match[1]!}:${tag}`;
}

/**
 * The chart names every service image `<repository>/<service>:<tag>` with one tag, so the service images are also
 * pushed under a tag made from all of theirs: it changes when any service changes, and pushing it again is cheap.
 */
async function releaseTag(registry: string, refs: Record<string, string>): Promise<string> {
  const hash = new TagHash();
  for (const name of serviceNames) hash.add(name, need(refs, name));
  const tag = hash.tag();
  for (const name of serviceNames) await tagAs(registry, need(refs, name), tag);
  return tag;
}

export async function buildClusterImages(s: ClusterSettings, p: ClusterPaths, tools: ToolchainPaths, log: (line: string) => void): Promise<BuiltImages> {
  const registry = await startRegistry({ dataDir: p.registryData, port: s.ports.registry, binary: tools.registry });
  log(`registry: ${registry.started ? 'started' : 'running'} on ${registry.address}`);
  const logFile = path.join(p.logs, 'images.log');
  const pause = await pauseBinary(path.join(s.dir, 'pause'), logFile);
  const binaries = [
    { repo: 'k8s/pause', files: [{ from: pause, to: '/pause' }], entrypoint: ['/pause'], user: 65535 },
    ...daprImages(tools),
    { repo: 'k8s/coredns', files: [{ from: tools.coredns, to: '/coredns' }], entrypoint: ['/coredns'], user: 65532 },
    { repo: 'k8s/metrics-server', files: [{ from: tools.metricsServer, to: '/metrics-server' }], entrypoint: ['/metrics-server'], user: 65532 },
  ];
  const refs = await buildImages({ registry: registry.address, binaries, outputFile: p.images, workDir: path.join(s.dir, 'images'), log: (line) => log(`[images] ${line}`) });
  const tag = await releaseTag(registry.address, refs);
  // containerd's sandbox_image names the pause image by its version.
  await tagAs(registry.address, need(refs, 'k8s/pause'), PAUSE_IMAGE_TAG);
  return {
    registry: registry.address,
    refs,
    // kubeadm reads the CoreDNS version from the image tag (to migrate its Corefile), so that tag is the release's.
    coredns: await tagAs(registry.address, need(refs, 'k8s/coredns'), `v${TOOL_VERSIONS.coredns}`),
    metricsServer: need(refs, 'k8s/metrics-server'),
    shop: {
      repository: `${registry.address}/commercex`,
      tag,
      kafka: need(refs, 'kafka'),
      mongodb: need(refs, 'mongodb'),
      redis: need(refs, 'redis'),
      paymentProvider: need(refs, 'payment-provider'),
    },
  };
}
