// The shop on the local cluster: `helm upgrade --install` of charts/commercex with values for this node,
// every image from the cluster's registry, then the gateway's address written where tests and users find it.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../stack/settings.js';
import { run } from '../toolchain/exec.js';
import { unblockRelease } from './helm-release.js';
import { waitForDeployments, type Kubectl } from './kubectl.js';
import type { ClusterPaths } from './settings.js';

export const SHOP_NAMESPACE = 'commercex';

export interface ShopImages {
  /** `<registry>/commercex`: services are `<repository>/<service>:<tag>`. */
  readonly repository: string;
  readonly tag: string;
  readonly kafka: string;
  readonly mongodb: string;
  readonly redis: string;
  readonly paymentProvider: string;
}

/** What one node with two cores can schedule for eight services beside Dapr and the dependencies (Tilt uses them too). */
export const LOCAL_APP_REQUESTS = { cpu: '50m', memory: '128Mi' } as const;
export const LOCAL_SIDECAR_REQUESTS = { cpu: '25m', memory: '64Mi' } as const;

/** One node with two cores: one replica each, scaled out by the autoscalers, and smaller requests. */
export function localShopValues(images: ShopImages): object {
  return {
    image: { registry: images.repository, tag: images.tag, pullPolicy: 'IfNotPresent' },
    autoscaling: { enabled: true, minReplicas: 1, maxReplicas: 3 },
    resources: { requests: LOCAL_APP_REQUESTS, limits: { cpu: '1', memory: '384Mi' } },
    sidecar: { resources: { requests: LOCAL_SIDECAR_REQUESTS, limits: { cpu: '500m', memory: '256Mi' } } },
    kafka: { enabled: true, image: images.kafka },
    mongodb: { enabled: true, image: images.mongodb },
    redis: { enabled: true, image: images.redis },
    paymentProvider: { enabled: true, image: images.paymentProvider },
    // No trace backend is built for the cluster yet.
    tracing: { enabled: false },
  };
}

export interface InstallShop {
  readonly p: ClusterPaths;
  readonly helm: string;
  readonly kubectl: Kubectl;
  readonly images: ShopImages;
  readonly log: (line: string) => void;
}

/**
 * Pods created while the injector was down (a cluster started again after `down`) run without their sidecar, since
 * Dapr's webhook ignores failures: deleted, so their Deployments recreate them with one.
 */
async function recreateUninjected(kubectl: Kubectl, log: (line: string) => void): Promise<void> {
  const { stdout } = await kubectl(['get', 'pods', '-n', SHOP_NAMESPACE, '-o', 'json']);
  const pods = (JSON.parse(stdout) as { items: { metadata: { name: string; annotations?: Record<string, string> }; spec: { containers: { name: string }[] } }[] }).items;
  const missed = pods.filter((pod) => pod.metadata.annotations?.['dapr.io/enabled'] === 'true' && !pod.spec.containers.some((c) => c.name === 'daprd'));
  if (missed.length === 0) return;
  log(`${missed.length} pod(s) without their sidecar recreated: ${missed.map((pod) => pod.metadata.name).join(', ')}`);
  await kubectl(['delete', 'pod', '-n', SHOP_NAMESPACE, '--wait=false', ...missed.map((pod) => pod.metadata.name)]);
}

/** Deployments in the shop's namespace that helm does not manage: `npm run cluster -- tilt` applied them from dist/. */
export async function unmanagedDeployments(kubectl: Kubectl): Promise<string[]> {
  const { stdout } = await kubectl(['get', 'deployments', '-n', SHOP_NAMESPACE, '--ignore-not-found', '-o', 'json']);
  if (!stdout.trim()) return [];
  const items = (JSON.parse(stdout) as { items: { metadata: { name: string; annotations?: Record<string, string> } }[] }).items;
  // helm marks what it owns with its release; objects without the mark make `helm upgrade` refuse them.
  return items.filter((d) => d.metadata.annotations?.['meta.helm.sh/release-name'] !== 'commercex').map((d) => d.metadata.name);
}

/** Installs or upgrades the release and waits for every Deployment; returns the gateway's URL. */
export async function installShop({ p, helm, kubectl, images, log }: InstallShop): Promise<string> {
  const foreign = await unmanagedDeployments(kubectl);
  if (foreign.length > 0) {
    throw new Error(`the ${SHOP_NAMESPACE} namespace holds Deployments helm does not manage (${foreign.join(', ')}): Tilt deployed them; `
      + 'stop it with `npm run cluster -- tilt down`, then run `npm run cluster` again');
  }
  const values = path.join(p.config, 'commercex-values.json');
  fs.writeFileSync(values, JSON.stringify(localShopValues(images), null, 2));
  const started = performance.now();
  await recreateUninjected(kubectl, log);
  await unblockRelease({ helm, kubeconfig: p.kubeconfig, name: 'commercex', namespace: SHOP_NAMESPACE, logFile: path.join(p.logs, 'helm-commercex.log') }, log);
  await run(helm, ['upgrade', '--install', 'commercex', path.join(repoRoot, 'charts/commercex'), '--namespace', SHOP_NAMESPACE, '--create-namespace',
    '--kubeconfig', p.kubeconfig, '-f', values, '--wait', '--timeout', '10m'], { logFile: path.join(p.logs, 'helm-commercex.log') });
  await waitForDeployments(kubectl, SHOP_NAMESPACE, 300_000);
  log(`commercex: every Deployment available in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const { stdout } = await kubectl(['get', 'service', 'gateway', '-n', SHOP_NAMESPACE, '-o', 'jsonpath={.spec.clusterIP}:{.spec.ports[0].port}']);
  const url = `http://${stdout.trim()}`;
  fs.writeFileSync(p.gatewayUrl, `${url}\n`);
  return url;
}

/** The administrator's credentials, as the chart generated them into the `admin` secret. */
export async function adminCredentials(kubectl: Kubectl): Promise<{ email: string; password: string }> {
  const { stdout } = await kubectl(['get', 'secret', 'admin', '-n', SHOP_NAMESPACE, '-o', 'json']);
  const data = (JSON.parse(stdout) as { data: Record<string, string> }).data;
  const decode = (key: string) => Buffer.from(data[key] ?? '', 'base64').toString('utf8');
  return { email: decode('email'), password: decode('password') };
}
