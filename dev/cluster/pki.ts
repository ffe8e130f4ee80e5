// Certificates and kubeconfigs, made by kubeadm's own phases (the layout every Kubernetes operator knows),
// without its preflight or static pods: the control plane here runs as local processes.
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { run } from '../toolchain/exec.js';
import { writeConfig } from './daemon.js';
import { KUBERNETES_VERSION, type ClusterPaths, type ClusterSettings } from './settings.js';

/** kubeadm names the CoreDNS image `<dns.imageRepository>/coredns:<dns.imageTag>`: split from the built reference. */
function corednsImage(ref: string): { imageRepository: string; imageTag: string } {
  const match = /^(.+)\/coredns:([^/:]+)$/.exec(ref);
  if (!match) throw new Error(`the CoreDNS image must be <repository>/coredns:<tag>, got ${ref}`);
  return { imageRepository: match[1]!, imageTag: match[2]! };
}

export function kubeadmConfig(s: ClusterSettings, p: ClusterPaths, coredns: string): string {
  const init = {
    apiVersion: 'kubeadm.k8s.io/v1beta4',
    kind: 'InitConfiguration',
    localAPIEndpoint: { advertiseAddress: s.nodeIp, bindPort: s.ports.apiserver },
    nodeRegistration: { name: s.nodeName, criSocket: `unix://${p.containerdSocket}` },
  };
  const cluster = {
    apiVersion: 'kubeadm.k8s.io/v1beta4',
    kind: 'ClusterConfiguration',
    clusterName: 'commercex',
    kubernetesVersion: `v${KUBERNETES_VERSION}`,
    certificatesDir: p.pki,
    dns: corednsImage(coredns),
    networking: { dnsDomain: 'cluster.local', serviceSubnet: s.serviceCidr, podSubnet: s.podCidr },
    apiServer: { certSANs: [s.nodeIp, '127.0.0.1', 'localhost', s.apiServiceIp] },
    etcd: { local: { dataDir: p.etcdData, serverCertSANs: ['127.0.0.1'], peerCertSANs: ['127.0.0.1'] } },
  };
  return `${stringify(init)}---\n${stringify(cluster)}`;
}

export function kubeadmConfigFile(p: ClusterPaths): string {
  return path.join(p.config, 'kubeadm.yaml');
}

/** Writes what is missing: an existing CA and its certificates are kept, so clients keep trusting the cluster. */
export async function ensurePki(s: ClusterSettings, p: ClusterPaths, kubeadm: string, coredns: string, logFile: string): Promise<void> {
  fs.mkdirSync(p.config, { recursive: true });
  writeConfig(kubeadmConfigFile(p), kubeadmConfig(s, p, coredns));
  const config = ['--config', kubeadmConfigFile(p)];
  await run(kubeadm, ['init', 'phase', 'certs', 'all', ...config], { logFile });
  await run(kubeadm, ['init', 'phase', 'kubeconfig', 'all', ...config, '--kubeconfig-dir', p.kubeconfigs], { logFile });
  // kube-proxy runs on the host, so it gets a client certificate as the user the built-in node-proxier role names.
  const proxyConf = path.join(p.kubeconfigs, 'kube-proxy.conf');
  if (!fs.existsSync(proxyConf)) {
    const { stdout } = await run(kubeadm, ['kubeconfig', 'user', '--client-name', 'system:kube-proxy', ...config], { logFile });
    fs.writeFileSync(proxyConf, stdout, { mode: 0o600 });
  }
}

export const kubeconfigOf = (p: ClusterPaths, who: 'admin' | 'super-admin' | 'kubelet' | 'controller-manager' | 'scheduler' | 'kube-proxy') =>
  path.join(p.kubeconfigs, `${who}.conf`);
