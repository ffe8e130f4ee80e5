// Where every tool of the toolchain is, for the self-hosted stack and the tests; ensureToolchain() makes them exist.
import path from 'node:path';
import { cacheRoot, outputDir, whichSync } from './layout.js';
import { installTools, type InstallOptions } from './toolchain.js';
import { CLUSTER_TOOL_NAMES, STACK_TOOL_NAMES, TOOL_NAMES, TOOL_VERSIONS, type ToolName } from './versions.js';

export { CLUSTER_TOOL_NAMES, STACK_TOOL_NAMES, TOOL_NAMES, TOOL_VERSIONS, installTools, type InstallOptions, type ToolName };
export { PrerequisiteError } from './prerequisites.js';

export interface ToolchainPaths {
  /** $COMMERCEX_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/commercex. */
  readonly cacheRoot: string;
  /** daprd with CommerceX's components only (pubsub.kafka, state.redis, secretstores.local.*, bindings.http, nameresolution.sqlite/mdns). */
  readonly daprd: string;
  /** The dapr CLI, for `dapr run -f <run file>`. */
  readonly dapr: string;
  /**
   * A runtime dir holding .dapr/bin/daprd (-> daprd above), an empty .dapr/components/ and a minimal .dapr/config.yaml,
   * so `dapr run` works without `dapr init`. For `dapr run -f`, put it in the run file (`common: runtimePath:`):
   * the `--runtime-path` flag only decides which daprd's version the CLI reads, not which daprd it starts. Leave
   * DAPR_RUNTIME_PATH and the flag unset when the run file sets `schedulerHostAddress: ""`: once the CLI can read
   * a runtime version (>= 1.15) it replaces an empty scheduler address with localhost:50006.
   */
  readonly daprRuntimePath: string;
  /** Directory of Kafka's runtime jars (with a log4j2 binding); run classes from KAFKA_MAIN_CLASSES with `-cp <kafkaClasspath>`. */
  readonly kafkaLibs: string;
  /** `<kafkaLibs>/*`, the classpath wildcard java expands itself. */
  readonly kafkaClasspath: string;
  /** A quiet log4j2 config (warnings, plus the broker's "started" line), for `-Dlog4j2.configurationFile=`. */
  readonly kafkaLog4j2Config: string;
  /** FerretDB v1: `--handler=sqlite --sqlite-url=file:<dir>/ --listen-addr=127.0.0.1:<port> --state-dir=<dir> --telemetry=disable`. */
  readonly ferretdb: string;
  /** redis-server from PATH (Debian package), else where apt-get puts it. */
  readonly redisServer: string;
  /** The distribution registry (v3): `registry serve <config.yml>`. */
  readonly registry: string;
  readonly helm: string;
  readonly tilt: string;
  /** Directory of kube-apiserver, kube-controller-manager, kube-scheduler, kubelet, kube-proxy, kubectl and kubeadm. */
  readonly kubernetesBin: string;
  /** etcd server: `etcd --data-dir <dir> ...`. */
  readonly etcd: string;
  /** CoreDNS with its default plugins: `coredns -conf <Corefile>`. */
  readonly coredns: string;
  readonly metricsServer: string;
  /** Directory of Dapr's operator, sentry, injector, placement and scheduler, for the control plane's images. */
  readonly daprControlPlane: string;
}

/** Main classes on kafkaClasspath. */
export const KAFKA_MAIN_CLASSES = {
  /** `kafka.Kafka <server.properties>` runs a broker (KRaft, process.roles=broker,controller for one node). */
  broker: 'kafka.Kafka',
  /**
   * Before the first start: `format -t <cluster id> -c <server.properties> --ignore-formatted` with a static
   * `controller.quorum.voters`, or add `--standalone` when the config uses `controller.quorum.bootstrap.servers`.
   */
  storageTool: 'kafka.tools.StorageTool',
} as const;

export function resolveToolchainPaths(env: NodeJS.ProcessEnv = process.env): ToolchainPaths {
  const cache = cacheRoot(env);
  const dir = (id: string, version: string) => outputDir(cache, id, version);
  const kafkaLibs = path.join(dir('kafka', TOOL_VERSIONS.kafka), 'libs');
  return {
    cacheRoot: cache,
    daprd: path.join(dir('daprd', TOOL_VERSIONS.daprd), 'daprd'),
    dapr: path.join(dir('dapr', TOOL_VERSIONS.dapr), 'dapr'),
    daprRuntimePath: dir('dapr-runtime', TOOL_VERSIONS.daprd),
    kafkaLibs,
    kafkaClasspath: path.join(kafkaLibs, '*'),
    kafkaLog4j2Config: path.join(dir('kafka', TOOL_VERSIONS.kafka), 'log4j2.yaml'),
    ferretdb: path.join(dir('ferretdb', TOOL_VERSIONS.ferretdb), 'ferretdb'),
    redisServer: whichSync('redis-server', env) ?? '/usr/bin/redis-server',
    registry: path.join(dir('registry', TOOL_VERSIONS.registry), 'registry'),
    helm: path.join(dir('helm', TOOL_VERSIONS.helm), 'helm'),
    tilt: path.join(dir('tilt', TOOL_VERSIONS.tilt), 'tilt'),
    kubernetesBin: dir('kubernetes', TOOL_VERSIONS.kubernetes),
    etcd: path.join(dir('etcd', TOOL_VERSIONS.etcd), 'etcd'),
    coredns: path.join(dir('coredns', TOOL_VERSIONS.coredns), 'coredns'),
    metricsServer: path.join(dir('metrics-server', TOOL_VERSIONS['metrics-server']), 'metrics-server'),
    daprControlPlane: dir('dapr-control-plane', TOOL_VERSIONS['dapr-control-plane']),
  };
}

/** Resolved once from this process's environment. */
export const toolchainPaths: ToolchainPaths = resolveToolchainPaths();

/** Builds what is missing (all tools by default), reuses the rest, and returns where everything is. */
export async function ensureToolchain(names: readonly ToolName[] = TOOL_NAMES, options: InstallOptions = {}): Promise<ToolchainPaths> {
  await installTools(names, options);
  return options.cache ? resolveToolchainPaths({ ...process.env, COMMERCEX_CACHE: options.cache }) : resolveToolchainPaths();
}
