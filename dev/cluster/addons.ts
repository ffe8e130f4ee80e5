// What turns a bare control plane into a usable cluster: admin access, CoreDNS (kubeadm's own addon) and metrics.
import fs from 'node:fs';
import type { Kubectl } from './kubectl.js';
import { waitForDeployments } from './kubectl.js';
import { metricsServerObjects } from './metrics-server.js';
import { kubeadmConfigFile, kubeconfigOf } from './pki.js';
import { run } from '../toolchain/exec.js';
import type { ClusterPaths } from './settings.js';

/** admin.conf's group gets cluster-admin, as `kubeadm init` grants it; then users get admin.conf, not the break-glass one. */
export async function grantAdmin(p: ClusterPaths, superAdmin: Kubectl): Promise<void> {
  await superAdmin.apply('cluster-admins', [{
    apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'kubeadm:cluster-admins' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'kubeadm:cluster-admins' }],
  }]);
  fs.copyFileSync(kubeconfigOf(p, 'admin'), p.kubeconfig);
  fs.chmodSync(p.kubeconfig, 0o600);
}

export interface AddonImages {
  readonly coredns: string;
  readonly metricsServer: string;
}

/** The image CoreDNS runs now, or undefined before the addon is installed. */
async function corednsImage(kubectl: Kubectl): Promise<string | undefined> {
  return kubectl(['get', 'deployment', 'coredns', '-n', 'kube-system', '-o', 'jsonpath={.spec.template.spec.containers[0].image}'])
    .then(({ stdout }) => stdout.trim(), () => undefined);
}

export async function installAddons(p: ClusterPaths, kubectl: Kubectl, kubeadm: string, images: AddonImages, logFile: string, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  // kubeadm's addon phase also migrates an installed CoreDNS's Corefile; nothing to do when it runs this image already.
  if ((await corednsImage(kubectl)) !== images.coredns) {
    await run(kubeadm, ['init', 'phase', 'addon', 'coredns', '--config', kubeadmConfigFile(p), '--kubeconfig', kubeconfigOf(p, 'super-admin')], { logFile });
  }
  await kubectl.apply('metrics-server', metricsServerObjects(images.metricsServer));
  await waitForDeployments(kubectl, 'kube-system', 180_000);
  log(`CoreDNS and metrics-server: available in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
