// `npm run cluster -- down`: every container, daemon, rule, interface and mount the cluster made, gone.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runningPid, stopDaemon } from './daemon.js';
import { cleanHostNetwork } from './network.js';
import type { ClusterPaths, ClusterSettings } from './settings.js';

/** Later daemons depend on earlier ones: stopped in the reverse order of starting (the registry by registry.ts). */
export const DAEMONS = ['containerd', 'etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubelet', 'kube-proxy'] as const;

function ctr(p: ClusterPaths, args: readonly string[]): string {
  return execFileSync('ctr', ['--address', p.containerdSocket, '--namespace', 'k8s.io', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

/** Containers outlive the kubelet (their shims are their parents): killed through containerd while it still runs. */
function killContainers(p: ClusterPaths): number {
  let tasks: string[];
  try {
    tasks = ctr(p, ['tasks', 'list', '-q']).split('\n').filter(Boolean);
  } catch {
    return 0;
  }
  for (const id of tasks) {
    try {
      ctr(p, ['tasks', 'kill', '--signal', 'SIGKILL', id]);
    } catch {
      // already stopped
    }
  }
  return tasks.length;
}

/** Shims whose containerd is gone and processes still in the pods' cgroups, by their cgroup (they carry no marker). */
function killLeftovers(s: ClusterSettings): number {
  let killed = 0;
  for (const pid of fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    let cmdline: string;
    let cgroup: string;
    try {
      cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      cgroup = fs.readFileSync(`/proc/${pid}/cgroup`, 'utf8');
    } catch {
      continue;
    }
    if ((cmdline.includes('containerd-shim') && cmdline.includes(s.runDir)) || cgroup.includes('/kubepods')) {
      try {
        process.kill(Number(pid), 'SIGKILL');
        killed += 1;
      } catch {
        // exited meanwhile
      }
    }
  }
  return killed;
}

/** The kubelet's cgroups, deepest first (a cgroup directory is removed with rmdir once empty). */
function removeCgroups(): number {
  let removed = 0;
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) walk(path.join(dir, entry.name));
    try {
      fs.rmdirSync(dir);
      removed += 1;
    } catch {
      // still busy or already gone
    }
  };
  for (const hierarchy of fs.readdirSync('/sys/fs/cgroup')) {
    const kubepods = path.join('/sys/fs/cgroup', hierarchy, 'kubepods');
    if (fs.existsSync(kubepods)) walk(kubepods);
  }
  return removed;
}

export async function clusterDown(s: ClusterSettings, p: ClusterPaths, kubeProxy: string, log: (line: string) => void): Promise<void> {
  for (const name of ['kubelet', 'kube-proxy'] as const) if (await stopDaemon(p, name)) log(`${name}: stopped`);
  if (runningPid(p, 'containerd') !== undefined) log(`containers: ${killContainers(p)} killed`);
  for (const name of [...DAEMONS].reverse()) if (await stopDaemon(p, name)) log(`${name}: stopped`);
  await new Promise((r) => setTimeout(r, 500));
  const leftovers = killLeftovers(s);
  if (leftovers > 0) log(`leftover container processes: ${leftovers} killed`);
  const cleaned = cleanHostNetwork(s, p, kubeProxy);
  if (cleaned.length > 0) log(`host network: removed ${cleaned.join(', ')}`);
  const cgroups = removeCgroups();
  if (cgroups > 0) log(`cgroups: ${cgroups} removed`);
  fs.rmSync(s.runDir, { recursive: true, force: true });
}
