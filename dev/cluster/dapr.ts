// The Dapr control plane on the local cluster: the official chart at the pinned version, images from the toolchain's binaries.
import fs from 'node:fs';
import path from 'node:path';
import { run } from '../toolchain/exec.js';
import { unblockRelease } from './helm-release.js';
import { cacheRoot, logFile } from '../toolchain/layout.js';
import type { ToolchainPaths } from '../toolchain/paths.js';
import { moduleSource } from '../toolchain/steps/go.js';
import { TOOL_VERSIONS } from '../toolchain/versions.js';

export const DAPR_VERSION = TOOL_VERSIONS['dapr-control-plane'];
export const DAPR_NAMESPACE = 'dapr-system';
/** Every Dapr image lives under `<registry>/dapr/`, as the chart's `global.registry` expects. */
export const DAPR_REPO_PREFIX = 'dapr';
export const SCHEDULER_VOLUME_SIZE = '1Gi';

/** An image that holds prebuilt files only; the shape dev/cluster/images builds from. */
export interface BinaryImage {
  /** Repository in the registry without host or tag, e.g. `dapr/operator`. */
  readonly repo: string;
  readonly files: readonly { readonly from: string; readonly to: string }[];
  readonly entrypoint: readonly string[];
  /** Numeric uid (gid the same): the chart sets runAsNonRoot, which the kubelet can only check for a numeric user. */
  readonly user: number;
}

/** The images the chart names, each with the values key that overrides its reference (`<key>.name`). */
const CHART_IMAGES = {
  operator: 'dapr_operator.image',
  sentry: 'dapr_sentry.image',
  injector: 'dapr_sidecar_injector.injectorImage',
  placement: 'dapr_placement.image',
  scheduler: 'dapr_scheduler.image',
  // Not a pod of the chart: the injector's SIDECAR_IMAGE, the image of every injected sidecar.
  daprd: 'dapr_sidecar_injector.image',
} as const;
export type DaprImageName = keyof typeof CHART_IMAGES;
export const DAPR_IMAGE_NAMES = Object.keys(CHART_IMAGES) as DaprImageName[];
// Dapr's Dockerfile (distroless static:nonroot) runs as 65532; the chart's fsGroup for scheduler and placement is 65532 too.
const NONROOT = 65532;

/** `charts/dapr` inside the pinned `github.com/dapr/dapr` module, fetched by the Go module proxy if missing. */
export async function daprChartDir(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const cache = cacheRoot(env);
  const ctx = { cache, logFile: logFile(cache, 'dapr-chart', DAPR_VERSION), log: () => {} };
  const dir = path.join(await moduleSource('github.com/dapr/dapr', `v${DAPR_VERSION}`, ctx), 'charts', 'dapr');
  if (!fs.existsSync(path.join(dir, 'Chart.yaml'))) throw new Error(`github.com/dapr/dapr v${DAPR_VERSION} has no charts/dapr/Chart.yaml at ${dir}: revisit dev/cluster/dapr.ts`);
  return dir;
}

/**
 * One image per binary, at `/<name>`: the chart's commands are `/operator`, `/sentry`, `/injector`, `/placement` and
 * `/scheduler`, and the injector gives every sidecar the command `/daprd` (pkg/injector/patcher/sidecar_container.go).
 */
export function daprImages(paths: Pick<ToolchainPaths, 'daprd' | 'daprControlPlane'>): BinaryImage[] {
  return DAPR_IMAGE_NAMES.map((name) => ({
    repo: `${DAPR_REPO_PREFIX}/${name}`,
    files: [{ from: name === 'daprd' ? paths.daprd : path.join(paths.daprControlPlane, name), to: `/${name}` }],
    entrypoint: [`/${name}`],
    user: NONROOT,
  }));
}

export interface DaprValuesOptions {
  /** `host:port` of the cluster's registry, e.g. `127.0.0.1:5000`. */
  readonly registry: string;
  /** `global.tag`: the tag of every image unless `refs` names it. @default DAPR_VERSION */
  readonly tag?: string;
  /** StorageClass of the scheduler's volume claims (three, one per member). */
  readonly storageClass: string;
  /** Full references by repo (`dapr/operator` → `127.0.0.1:5000/dapr/operator:<tag>`), as the image build returns them. */
  readonly refs?: Readonly<Record<string, string>>;
}

/** Sets `value` at a dotted key, creating the objects on the way. */
function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts.at(-1)!] = value;
}

/** Values for one node: mTLS through sentry, no HA, one replica each, nothing on a volume, every image from `registry`. */
export function daprValues(options: DaprValuesOptions): Record<string, unknown> {
  const values: Record<string, unknown> = {
    global: {
      registry: `${options.registry}/${DAPR_REPO_PREFIX}`,
      tag: options.tag ?? DAPR_VERSION,
      imagePullPolicy: 'IfNotPresent',
      logAsJson: true,
      ha: { enabled: false },
      mtls: { enabled: true },
    },
    dapr_operator: { replicaCount: 1 },
    dapr_sentry: { replicaCount: 1 },
    // As the README's install for every cluster: the sidecar needs no Linux capability.
    dapr_sidecar_injector: { replicaCount: 1, sidecarImagePullPolicy: 'IfNotPresent', sidecarDropALLCapabilities: true },
    // Without HA placement keeps its table in memory anyway; this also keeps a later HA switch off volumes.
    dapr_placement: { ha: false, cluster: { forceInMemoryLog: true } },
    // The scheduler's three embedded etcd members keep their data on volumes: in memory, a restarted member is
    // refused by the other two ("member has already been bootstrapped") and crash-loops.
    dapr_scheduler: { cluster: { storageClassName: options.storageClass, storageSize: SCHEDULER_VOLUME_SIZE } },
  };
  if (options.refs) {
    for (const name of DAPR_IMAGE_NAMES) {
      const ref = options.refs[`${DAPR_REPO_PREFIX}/${name}`];
      if (!ref) throw new Error(`no image for ${DAPR_REPO_PREFIX}/${name} among the built images: build daprImages(...) with the cluster images first`);
      // A name with a "/" is taken by the chart as the whole reference, registry and tag included.
      setPath(values, `${CHART_IMAGES[name]}.name`, ref);
    }
  }
  return values;
}

export interface InstallDaprOptions {
  readonly kubeconfig: string;
  /** The toolchain's helm binary. */
  readonly helm: string;
  readonly values: Record<string, unknown>;
  /** Where the values are written for helm, and kept: Tilt's control plane resource installs with the same file. */
  readonly valuesFile: string;
  /** @default daprChartDir() */
  readonly chart?: string;
  /** Helm's output goes here as well. */
  readonly logFile?: string;
  /** Progress lines; defaults to stderr with a "[dapr]" prefix. */
  readonly log?: (line: string) => void;
}

/** `helm upgrade --install`, waiting until every control plane pod is ready; a second run upgrades the release in place. */
export async function installDapr(options: InstallDaprOptions): Promise<void> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[dapr] ${line}\n`));
  const chart = options.chart ?? (await daprChartDir());
  const { valuesFile } = options;
  // JSON is YAML, so helm reads the values file as it is.
  fs.mkdirSync(path.dirname(valuesFile), { recursive: true });
  fs.writeFileSync(valuesFile, `${JSON.stringify(options.values, null, 2)}\n`);
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) / 1000);
  log(`installing Dapr ${DAPR_VERSION} into ${DAPR_NAMESPACE} from ${chart} (waits up to 5 min for its pods)…`);
  const heartbeat = setInterval(() => log(`still waiting for the control plane pods (${elapsed()} s so far)…`), 30_000);
  heartbeat.unref();
  try {
    await unblockRelease({ helm: options.helm, kubeconfig: options.kubeconfig, name: 'dapr', namespace: DAPR_NAMESPACE, logFile: options.logFile }, log);
    await run(options.helm, [
      'upgrade', '--install', 'dapr', chart, '--namespace', DAPR_NAMESPACE, '--create-namespace',
      '--wait', '--timeout', '5m', '--kubeconfig', options.kubeconfig, '-f', valuesFile,
    ], { logFile: options.logFile });
  } catch (err) {
    throw new Error(`${(err as Error).message}\nsee why with: kubectl --kubeconfig ${options.kubeconfig} -n ${DAPR_NAMESPACE} get pods,events`, { cause: err });
  } finally {
    clearInterval(heartbeat);
  }
  log(`Dapr ${DAPR_VERSION} ready in ${elapsed()} s`);
}
