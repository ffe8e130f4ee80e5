// `npm run cluster`: the node and control plane, step by step, each skipped when it already runs.
import path from 'node:path';
import { ensureToolchain, type ToolchainPaths } from '../toolchain/paths.js';
import { grantAdmin, installAddons } from './addons.js';
import { startContainerd } from './containerd.js';
import { startControlPlane } from './control-plane.js';
import { kubectlFor, type Kubectl } from './kubectl.js';
import { prepareHostNetwork } from './network.js';
import { startNode } from './node.js';
import { ensurePki, kubeconfigOf } from './pki.js';
import { checkMachine, ensureHostPackages } from './prerequisites.js';
import type { ClusterPaths, ClusterSettings } from './settings.js';

export type Log = (line: string) => void;

export interface RunningCluster {
  readonly tools: ToolchainPaths;
  /** kubectl as the cluster's administrator (.cluster/kubeconfig). */
  readonly kubectl: Kubectl;
}

/** Times a phase and logs "<what>: <seconds>". */
export async function timed<T>(log: Log, what: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  log(`${what}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

export interface ClusterImages {
  readonly coredns: string;
  readonly metricsServer: string;
}

/**
 * Brings the cluster up to a Ready node with DNS and metrics. `images` runs once the registry is up and before
 * the kubelet starts, so every image a pod needs is there when it is scheduled.
 */
export async function clusterUp<I extends ClusterImages>(s: ClusterSettings, p: ClusterPaths, log: Log, images: (tools: ToolchainPaths) => Promise<I>): Promise<RunningCluster & { images: I }> {
  const logFile = path.join(p.logs, 'cluster-up.log');
  await checkMachine(s, p);
  await ensureHostPackages(logFile, log);
  const tools = await ensureToolchain(['kubernetes', 'etcd', 'coredns', 'registry', 'metrics-server', 'dapr-control-plane', 'daprd', 'helm', 'kafka', 'ferretdb'], {
    log: (line) => log(`[toolchain] ${line}`),
  });
  const k8s = (name: string) => path.join(tools.kubernetesBin, name);
  const built = await images(tools);
  prepareHostNetwork(s, p);
  await timed(log, 'certificates and kubeconfigs', () => ensurePki(s, p, k8s('kubeadm'), built.coredns, logFile));
  await startContainerd(s, p, log);
  await startControlPlane(s, p, { etcd: tools.etcd, kubernetesBin: tools.kubernetesBin }, log);
  await grantAdmin(p, kubectlFor(p, k8s('kubectl'), kubeconfigOf(p, 'super-admin'), logFile));
  const kubectl = kubectlFor(p, k8s('kubectl'), p.kubeconfig, logFile);
  await startNode(s, p, { kubernetesBin: tools.kubernetesBin }, log);
  await timed(log, `node ${s.nodeName} Ready`, () =>
    kubectl.waitFor(`node ${s.nodeName} Ready`, ['get', 'node', s.nodeName, '-o', 'jsonpath={.status.conditions[?(@.type=="Ready")].status}'], (v) => v === 'True', 120_000));
  await installAddons(p, kubectl, k8s('kubeadm'), built, logFile, log);
  return { tools, kubectl, images: built };
}
