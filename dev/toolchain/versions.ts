// The pinned version of every tool, in one place: bumping one here rebuilds it on the next run.

/** What the self-hosted stack and its tests use. */
export const STACK_TOOL_NAMES = ['daprd', 'dapr', 'dapr-control-plane', 'kafka', 'ferretdb', 'redis', 'helm', 'tilt'] as const;
/** What the local Kubernetes cluster (dev/cluster) adds. */
export const CLUSTER_TOOL_NAMES = ['kubernetes', 'etcd', 'coredns', 'registry', 'metrics-server'] as const;
export const TOOL_NAMES = [...STACK_TOOL_NAMES, ...CLUSTER_TOOL_NAMES] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

export const TOOL_VERSIONS = {
  /** Latest stable dapr whose module the Go proxy serves (go.mod in ./daprd must match). */
  daprd: '1.18.3',
  /** The CLI only launches daprd; proxy.golang.org answers 403 for the 1.17.x and 1.18.x source zips. */
  dapr: '1.16.5',
  /** 4.4.0 is incomplete on Maven Central (kafka-tools-api 4.4.0 is missing). */
  kafka: '4.3.1',
  /** Last v1 release, the one with the SQLite backend (go.mod in ./ferretdb must match). */
  ferretdb: '1.24.2',
  helm: '3.22.0',
  /** go.mod in ./tilt must match. */
  tilt: '0.37.1',
  /** The cluster's control plane and node binaries (go.mod in ./kubernetes must match). */
  kubernetes: '1.34.4',
  /** The etcd release line Kubernetes 1.34 is tested with. */
  etcd: '3.6.16',
  /** The CoreDNS line Kubernetes 1.34 ships (kubeadm's default). */
  coredns: '1.12.1',
  /** The image registry on loopback that the node pulls from. */
  registry: '3.0.0',
  'metrics-server': '0.8.0',
  /** operator, sentry, injector, placement and scheduler: always the daprd version. */
  'dapr-control-plane': '1.18.3',
} as const satisfies Record<Exclude<ToolName, 'redis'>, string>;

export function isToolName(value: string): value is ToolName {
  return (TOOL_NAMES as readonly string[]).includes(value);
}
