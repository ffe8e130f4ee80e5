// The node: the CNI bridge config containerd reads, the kubelet and kube-proxy, each from a config file.
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { ensureDaemon, writeConfig } from './daemon.js';
import { answersOk } from './health.js';
import { kubeconfigOf } from './pki.js';
import type { ClusterPaths, ClusterSettings } from './settings.js';

/** The node's share of the pod range (the controller-manager allocates the same first /24 to the only node). */
export const nodePodSubnet = (s: ClusterSettings) => s.podCidr.replace(/\.0\.0\/16$/, '.0.0/24');

function cniConfig(s: ClusterSettings, p: ClusterPaths): object {
  return {
    cniVersion: '1.0.0',
    name: 'commercex',
    plugins: [
      {
        type: 'bridge', bridge: s.bridge, isGateway: true, hairpinMode: true,
        // No masquerade: pods talk to each other and to this machine only (network.ts refuses the rest).
        ipMasq: false,
        ipam: { type: 'host-local', ranges: [[{ subnet: nodePodSubnet(s) }]], routes: [{ dst: '0.0.0.0/0' }], dataDir: p.cniState },
      },
      { type: 'portmap', capabilities: { portMappings: true } },
    ],
  };
}

function kubeletConfig(s: ClusterSettings, p: ClusterPaths): object {
  return {
    apiVersion: 'kubelet.config.k8s.io/v1beta1',
    kind: 'KubeletConfiguration',
    authentication: { anonymous: { enabled: false }, webhook: { enabled: true }, x509: { clientCAFile: path.join(p.pki, 'ca.crt') } },
    authorization: { mode: 'Webhook' },
    cgroupDriver: 'cgroupfs',
    containerRuntimeEndpoint: `unix://${p.containerdSocket}`,
    clusterDNS: [s.dnsServiceIp],
    clusterDomain: 'cluster.local',
    failSwapOn: false,
    // This machine is cgroup v1; Kubernetes 1.34 still runs on it when told to.
    failCgroupV1: false,
    healthzBindAddress: '127.0.0.1',
    healthzPort: 10248,
    readOnlyPort: 0,
    resolvConf: '/etc/resolv.conf',
    rotateCertificates: false,
    serializeImagePulls: false,
    // A development node on a shared disk: evict only when it is really full.
    evictionHard: { 'memory.available': '200Mi', 'nodefs.available': '5%', 'imagefs.available': '5%' },
    imageGCHighThresholdPercent: 95,
    imageGCLowThresholdPercent: 90,
    shutdownGracePeriod: '0s',
  };
}

function kubeProxyConfig(s: ClusterSettings, p: ClusterPaths): object {
  return {
    apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
    kind: 'KubeProxyConfiguration',
    clientConnection: { kubeconfig: kubeconfigOf(p, 'kube-proxy') },
    hostnameOverride: s.nodeName,
    clusterCIDR: s.podCidr,
    mode: 'iptables',
    nodePortAddresses: ['primary'],
    metricsBindAddress: '127.0.0.1:10249',
    healthzBindAddress: '127.0.0.1:10256',
    // Leave the machine's conntrack table size alone.
    conntrack: { maxPerCore: 0 },
  };
}

export interface NodeBinaries {
  readonly kubernetesBin: string;
}

export async function startNode(s: ClusterSettings, p: ClusterPaths, bins: NodeBinaries, log: (line: string) => void): Promise<void> {
  fs.mkdirSync(p.cniConfig, { recursive: true });
  writeConfig(path.join(p.cniConfig, '10-commercex.conflist'), JSON.stringify(cniConfig(s, p), null, 2));
  const kubeletFile = path.join(p.config, 'kubelet.yaml');
  const proxyFile = path.join(p.config, 'kube-proxy.yaml');
  writeConfig(kubeletFile, stringify(kubeletConfig(s, p)));
  writeConfig(proxyFile, stringify(kubeProxyConfig(s, p)));
  const k8s = (name: string) => path.join(bins.kubernetesBin, name);
  const daemons = [
    {
      spec: {
        name: 'kubelet', command: k8s('kubelet'),
        args: [`--config=${kubeletFile}`, `--kubeconfig=${kubeconfigOf(p, 'kubelet')}`, `--root-dir=${p.kubeletRoot}`,
          `--hostname-override=${s.nodeName}`, `--node-ip=${s.nodeIp}`],
      },
      check: () => answersOk('http://127.0.0.1:10248/healthz'),
    },
    { spec: { name: 'kube-proxy', command: k8s('kube-proxy'), args: [`--config=${proxyFile}`] }, check: () => answersOk('http://127.0.0.1:10256/healthz') },
  ];
  for (const { spec, check } of daemons) await ensureDaemon(p, spec, 'healthy', check, log);
}
