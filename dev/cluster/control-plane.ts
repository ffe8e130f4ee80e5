// etcd, kube-apiserver, kube-controller-manager and kube-scheduler as local processes, with the flags kubeadm
// would give their static pods (same certificates, same admission and authorization).
import path from 'node:path';
import { ensureDaemon, type DaemonSpec } from './daemon.js';
import { answersOk } from './health.js';
import { kubeconfigOf } from './pki.js';
import type { ClusterPaths, ClusterSettings } from './settings.js';

const flags = (values: Record<string, string | number | boolean>) => Object.entries(values).map(([k, v]) => `--${k}=${v}`);

function etcd(s: ClusterSettings, p: ClusterPaths, bin: string): DaemonSpec {
  const pki = (f: string) => path.join(p.pki, 'etcd', f);
  const client = `https://127.0.0.1:${s.ports.etcd}`;
  const peer = `https://127.0.0.1:${s.ports.etcdPeer}`;
  return {
    name: 'etcd',
    command: bin,
    args: flags({
      name: s.nodeName, 'data-dir': p.etcdData,
      'listen-client-urls': client, 'advertise-client-urls': client,
      'listen-peer-urls': peer, 'initial-advertise-peer-urls': peer, 'initial-cluster': `${s.nodeName}=${peer}`,
      'listen-metrics-urls': 'http://127.0.0.1:2381',
      'cert-file': pki('server.crt'), 'key-file': pki('server.key'), 'trusted-ca-file': pki('ca.crt'), 'client-cert-auth': true,
      'peer-cert-file': pki('peer.crt'), 'peer-key-file': pki('peer.key'), 'peer-trusted-ca-file': pki('ca.crt'), 'peer-client-cert-auth': true,
      'snapshot-count': 10000, 'log-level': 'warn',
    }),
  };
}

function apiserver(s: ClusterSettings, p: ClusterPaths, bin: string): DaemonSpec {
  const pki = (f: string) => path.join(p.pki, f);
  return {
    name: 'kube-apiserver',
    command: bin,
    args: flags({
      'advertise-address': s.nodeIp, 'bind-address': s.nodeIp, 'secure-port': s.ports.apiserver,
      'allow-privileged': true, 'authorization-mode': 'Node,RBAC', 'enable-admission-plugins': 'NodeRestriction',
      'enable-bootstrap-token-auth': true, 'client-ca-file': pki('ca.crt'),
      'etcd-servers': `https://127.0.0.1:${s.ports.etcd}`, 'etcd-cafile': pki('etcd/ca.crt'),
      'etcd-certfile': pki('apiserver-etcd-client.crt'), 'etcd-keyfile': pki('apiserver-etcd-client.key'),
      'kubelet-client-certificate': pki('apiserver-kubelet-client.crt'), 'kubelet-client-key': pki('apiserver-kubelet-client.key'),
      'kubelet-preferred-address-types': 'InternalIP,ExternalIP,Hostname',
      'proxy-client-cert-file': pki('front-proxy-client.crt'), 'proxy-client-key-file': pki('front-proxy-client.key'),
      'requestheader-allowed-names': 'front-proxy-client', 'requestheader-client-ca-file': pki('front-proxy-ca.crt'),
      'requestheader-extra-headers-prefix': 'X-Remote-Extra-', 'requestheader-group-headers': 'X-Remote-Group',
      'requestheader-username-headers': 'X-Remote-User',
      'service-account-issuer': 'https://kubernetes.default.svc.cluster.local',
      'service-account-key-file': pki('sa.pub'), 'service-account-signing-key-file': pki('sa.key'),
      'service-cluster-ip-range': s.serviceCidr, 'tls-cert-file': pki('apiserver.crt'), 'tls-private-key-file': pki('apiserver.key'),
    }),
  };
}

function controllerManager(s: ClusterSettings, p: ClusterPaths, bin: string): DaemonSpec {
  const pki = (f: string) => path.join(p.pki, f);
  const kubeconfig = kubeconfigOf(p, 'controller-manager');
  return {
    name: 'kube-controller-manager',
    command: bin,
    args: flags({
      kubeconfig, 'authentication-kubeconfig': kubeconfig, 'authorization-kubeconfig': kubeconfig, 'bind-address': '127.0.0.1',
      'allocate-node-cidrs': true, 'cluster-cidr': s.podCidr, 'node-cidr-mask-size': 24, 'service-cluster-ip-range': s.serviceCidr,
      'cluster-name': 'commercex', 'cluster-signing-cert-file': pki('ca.crt'), 'cluster-signing-key-file': pki('ca.key'),
      'client-ca-file': pki('ca.crt'), 'requestheader-client-ca-file': pki('front-proxy-ca.crt'), 'root-ca-file': pki('ca.crt'),
      'service-account-private-key-file': pki('sa.key'), 'use-service-account-credentials': true,
      controllers: '*,bootstrapsigner,tokencleaner', 'leader-elect': false,
    }),
  };
}

function scheduler(p: ClusterPaths, bin: string): DaemonSpec {
  const kubeconfig = kubeconfigOf(p, 'scheduler');
  return {
    name: 'kube-scheduler',
    command: bin,
    args: flags({ kubeconfig, 'authentication-kubeconfig': kubeconfig, 'authorization-kubeconfig': kubeconfig, 'bind-address': '127.0.0.1', 'leader-elect': false }),
  };
}

export interface ControlPlaneBinaries {
  readonly etcd: string;
  readonly kubernetesBin: string;
}

/** Starts what is not running and waits for each to be healthy, in dependency order. */
export async function startControlPlane(s: ClusterSettings, p: ClusterPaths, bins: ControlPlaneBinaries, log: (line: string) => void): Promise<void> {
  const k8s = (name: string) => path.join(bins.kubernetesBin, name);
  const ca = path.join(p.pki, 'ca.crt');
  const steps: { spec: DaemonSpec; what: string; check: () => Promise<boolean> }[] = [
    { spec: etcd(s, p, bins.etcd), what: 'healthy', check: () => answersOk('http://127.0.0.1:2381/health') },
    { spec: apiserver(s, p, k8s('kube-apiserver')), what: 'ready', check: () => answersOk(`https://${s.nodeIp}:${s.ports.apiserver}/readyz`, { ca }) },
    { spec: controllerManager(s, p, k8s('kube-controller-manager')), what: 'healthy', check: () => answersOk('https://127.0.0.1:10257/healthz', { selfSignedLoopback: true }) },
    { spec: scheduler(p, k8s('kube-scheduler')), what: 'healthy', check: () => answersOk('https://127.0.0.1:10259/healthz', { selfSignedLoopback: true }) },
  ];
  for (const { spec, what, check } of steps) await ensureDaemon(p, spec, what, check, log);
}
