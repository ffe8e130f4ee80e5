// Global setup of the cluster suite: `npm run cluster` (idempotent: a running cluster is reused and upgraded), and
// `npm run cluster -- down` afterwards only if this run started it.
import { spawnSync } from 'node:child_process';
import { runningPid } from '../../dev/cluster/daemon.js';
import { clusterPaths, clusterSettings } from '../../dev/cluster/settings.js';
import { repoRoot } from '../../dev/stack/settings.js';

function cluster(...args: string[]): void {
  const result = spawnSync('npx', ['tsx', 'dev/cluster/main.ts', ...args], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run cluster -- ${args.join(' ')} failed (exit ${result.status}); logs in .cluster/logs`);
}

export default function setup(): () => void {
  const wasRunning = runningPid(clusterPaths(clusterSettings()), 'kube-apiserver') !== undefined;
  cluster('up');
  return () => {
    if (!wasRunning && !process.env.KEEP_CLUSTER) cluster('down');
  };
}
