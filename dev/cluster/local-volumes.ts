// Volumes for the one node, made ahead of their claims: a StorageClass without a provisioner and `local`
// PersistentVolumes on directories under .cluster/volumes, so a StatefulSet's data outlives its pods.
import fs from 'node:fs';
import path from 'node:path';
import type { Kubectl } from './kubectl.js';
import type { ClusterSettings } from './settings.js';

export const LOCAL_STORAGE_CLASS = 'commercex-local';

/** `count` volumes named `<prefix>-<i>`, each `size`, bound to whichever claim of the class comes first. */
export async function ensureLocalVolumes(s: ClusterSettings, kubectl: Kubectl, prefix: string, count: number, size: string): Promise<void> {
  const volumes = Array.from({ length: count }, (_, i) => {
    const dir = path.join(s.dir, 'volumes', `${prefix}-${i}`);
    fs.mkdirSync(dir, { recursive: true });
    // Pods run as their own non-root uids; local volumes are not chowned for them.
    fs.chmodSync(dir, 0o777);
    return {
      apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: `${prefix}-${i}`, labels: { 'app.kubernetes.io/part-of': 'commercex-cluster' } },
      spec: {
        capacity: { storage: size }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Retain',
        storageClassName: LOCAL_STORAGE_CLASS, local: { path: dir },
        nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [s.nodeName] }] }] } },
      },
    };
  });
  await kubectl.apply(`volumes-${prefix}`, [
    {
      apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: LOCAL_STORAGE_CLASS },
      provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'WaitForFirstConsumer', reclaimPolicy: 'Retain',
    },
    ...volumes,
  ]);
}
