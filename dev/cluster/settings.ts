// Where the local cluster keeps its files, which addresses it owns and which ports it listens on.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../stack/settings.js';
import { TOOL_VERSIONS } from '../toolchain/versions.js';

export const KUBERNETES_VERSION = TOOL_VERSIONS.kubernetes;

export interface ClusterSettings {
  readonly dir: string;
  readonly nodeName: string;
  /** The address the apiserver advertises and the kubelet reports: this machine's own, never routed elsewhere. */
  readonly nodeIp: string;
  /** Pods get addresses here, on the cluster's own bridge; services get virtual addresses in serviceCidr. */
  readonly podCidr: string;
  readonly serviceCidr: string;
  readonly apiServiceIp: string;
  readonly dnsServiceIp: string;
  readonly bridge: string;
  readonly ports: { readonly apiserver: number; readonly etcd: number; readonly etcdPeer: number; readonly registry: number };
  /** containerd's state and socket: under /run, because unix socket paths are limited to 108 bytes. */
  readonly runDir: string;
}

/** The source address of the default route: the machine's own address (pods reach the apiserver through it). */
export function defaultRouteAddress(): string {
  const out = execFileSync('ip', ['-j', 'route', 'get', '1.1.1.1'], { encoding: 'utf8' });
  const [route] = JSON.parse(out) as { prefsrc?: string }[];
  if (!route?.prefsrc) throw new Error('no default route: the node needs an address of its own (ip route get 1.1.1.1 shows none)');
  return route.prefsrc;
}

function port(env: NodeJS.ProcessEnv, variable: string, fallback: number): number {
  const raw = env[variable];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value < 1 || value > 65535) throw new Error(`${variable}=${raw} is not a port number`);
  return value;
}

export function clusterSettings(env: NodeJS.ProcessEnv = process.env): ClusterSettings {
  return {
    dir: path.resolve(env.COMMERCEX_CLUSTER_DIR ?? path.join(repoRoot, '.cluster')),
    nodeName: 'commercex-node',
    nodeIp: env.CLUSTER_NODE_IP ?? defaultRouteAddress(),
    podCidr: '10.244.0.0/16',
    serviceCidr: '10.96.0.0/16',
    apiServiceIp: '10.96.0.1',
    dnsServiceIp: '10.96.0.10',
    bridge: 'cxbr0',
    ports: {
      apiserver: port(env, 'CLUSTER_API_PORT', 6443),
      etcd: port(env, 'CLUSTER_ETCD_PORT', 2379),
      etcdPeer: port(env, 'CLUSTER_ETCD_PEER_PORT', 2380),
      registry: port(env, 'CLUSTER_REGISTRY_PORT', 5000),
    },
    runDir: '/run/commercex-cluster',
  };
}

/** Every file the cluster writes, by role. */
export function clusterPaths(s: ClusterSettings) {
  return {
    pki: path.join(s.dir, 'pki'),
    kubeconfigs: path.join(s.dir, 'kubeconfigs'),
    /** What users and tests point kubectl and helm at. */
    kubeconfig: path.join(s.dir, 'kubeconfig'),
    etcdData: path.join(s.dir, 'etcd'),
    logs: path.join(s.dir, 'logs'),
    pids: path.join(s.dir, 'run'),
    config: path.join(s.dir, 'config'),
    containerdRoot: path.join(s.dir, 'containerd'),
    containerdSocket: path.join(s.runDir, 'containerd.sock'),
    kubeletRoot: path.join(s.dir, 'kubelet'),
    cniConfig: path.join(s.dir, 'cni'),
    cniState: path.join(s.dir, 'cni-state'),
    registryData: path.join(s.dir, 'registry'),
    gatewayUrl: path.join(s.dir, 'gateway-url'),
    images: path.join(s.dir, 'images.json'),
    /** Read by the Tiltfile's `--local-cluster` setting. */
    tiltSettings: path.join(s.dir, 'tilt-settings.json'),
  };
}

export type ClusterPaths = ReturnType<typeof clusterPaths>;
