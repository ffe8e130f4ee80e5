// What the machine must offer before the cluster starts: root, cgroups, the node's Debian packages, free ports.
import fs from 'node:fs';
import { run } from '../toolchain/exec.js';
import { whichSync } from '../toolchain/layout.js';
import { isPortFree } from '../stack/ports.js';
import { runningPid, type DaemonDirs } from './daemon.js';
import type { ClusterSettings } from './settings.js';

/** Debian packages the node and the image builds use, by a file each installs. */
const PACKAGES: Record<string, string> = {
  containerd: '/usr/bin/containerd',
  runc: '/usr/sbin/runc',
  'containernetworking-plugins': '/usr/lib/cni/bridge',
  iptables: '/usr/sbin/iptables',
  conntrack: '/usr/sbin/conntrack',
  buildah: '/usr/bin/buildah',
  mmdebstrap: '/usr/bin/mmdebstrap',
  'libc6-dev': '/usr/lib/x86_64-linux-gnu/libc.a',
};

const CGROUPS = ['cpu', 'cpuacct', 'memory', 'pids', 'devices', 'freezer'];

export async function ensureHostPackages(logFile: string, log: (line: string) => void): Promise<void> {
  const missing = Object.entries(PACKAGES).filter(([, file]) => !fs.existsSync(file)).map(([pkg]) => pkg);
  if (missing.length === 0) return;
  if (!whichSync('apt-get')) throw new Error(`the cluster needs these Debian packages (or your distribution's equivalents): ${missing.join(' ')}`);
  const started = performance.now();
  log(`installing Debian packages: ${missing.join(' ')}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update'], { env, logFile });
  await run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env, logFile });
  log(`Debian packages installed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function cgroupProblems(): string[] {
  if (fs.existsSync('/sys/fs/cgroup/cgroup.controllers')) {
    const controllers = fs.readFileSync('/sys/fs/cgroup/cgroup.controllers', 'utf8').split(/\s+/);
    return ['cpu', 'memory', 'pids'].filter((c) => !controllers.includes(c)).map((c) => `cgroup v2 controller "${c}" is not enabled`);
  }
  return CGROUPS.filter((c) => !fs.existsSync(`/sys/fs/cgroup/${c}`)).map((c) => `cgroup v1 hierarchy /sys/fs/cgroup/${c} is not mounted`);
}

/** The ports each daemon listens on; a port held by our own running daemon is not a conflict (registry.ts checks its own). */
function ports(s: ClusterSettings): { daemon: string; host: string; port: number; variable?: string }[] {
  return [
    { daemon: 'kube-apiserver', host: s.nodeIp, port: s.ports.apiserver, variable: 'CLUSTER_API_PORT' },
    { daemon: 'etcd', host: '127.0.0.1', port: s.ports.etcd, variable: 'CLUSTER_ETCD_PORT' },
    { daemon: 'etcd', host: '127.0.0.1', port: s.ports.etcdPeer, variable: 'CLUSTER_ETCD_PEER_PORT' },
    { daemon: 'etcd', host: '127.0.0.1', port: 2381 },
    { daemon: 'kube-controller-manager', host: '127.0.0.1', port: 10257 },
    { daemon: 'kube-scheduler', host: '127.0.0.1', port: 10259 },
    { daemon: 'kubelet', host: '0.0.0.0', port: 10250 },
    { daemon: 'kubelet', host: '127.0.0.1', port: 10248 },
    { daemon: 'kube-proxy', host: '127.0.0.1', port: 10256 },
    { daemon: 'kube-proxy', host: '127.0.0.1', port: 10249 },
  ];
}

export async function checkMachine(s: ClusterSettings, dirs: DaemonDirs): Promise<void> {
  const problems: string[] = [];
  if (process.getuid?.() !== 0) problems.push('the cluster must be started as root (it runs a kubelet, containerd and iptables rules): sudo npm run cluster');
  if (process.platform !== 'linux') problems.push('the local cluster runs on Linux only; elsewhere use kind, k3d or minikube with `tilt up`');
  problems.push(...cgroupProblems());
  for (const p of ports(s)) {
    if (runningPid(dirs, p.daemon) !== undefined) continue;
    if (!(await isPortFree(p.port, p.host))) {
      problems.push(`port ${p.port} on ${p.host} (${p.daemon}) is in use: stop what holds it${p.variable ? `, or set ${p.variable}` : ''}`);
    }
  }
  if (problems.length > 0) throw new Error(`the cluster cannot start here:\n  - ${problems.join('\n  - ')}`);
}
