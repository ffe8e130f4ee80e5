// The node's container runtime: Debian's containerd with runc, an instance of our own (own root, socket and
// config), pulling only from the cluster's registry on loopback.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ensureDaemon, writeConfig } from './daemon.js';
import type { ClusterPaths, ClusterSettings } from './settings.js';

export const PAUSE_IMAGE_TAG = '3.10.1';

export function pauseImage(s: ClusterSettings): string {
  return `127.0.0.1:${s.ports.registry}/k8s/pause:${PAUSE_IMAGE_TAG}`;
}

function config(s: ClusterSettings, p: ClusterPaths): string {
  const cri = 'plugins."io.containerd.grpc.v1.cri"';
  return `version = 2
root = "${p.containerdRoot}"
state = "${path.join(s.runDir, 'containerd')}"
[grpc]
  address = "${p.containerdSocket}"
[${cri}]
  sandbox_image = "${pauseImage(s)}"
  # This machine refuses a lower oom_score_adj than containerd's own; without this runc cannot start a container.
  restrict_oom_score_adj = true
  enable_unprivileged_ports = true
[${cri}.containerd]
  snapshotter = "overlayfs"
  default_runtime_name = "runc"
[${cri}.containerd.runtimes.runc]
  runtime_type = "io.containerd.runc.v2"
[${cri}.containerd.runtimes.runc.options]
  SystemdCgroup = false
[${cri}.cni]
  bin_dir = "/usr/lib/cni"
  conf_dir = "${p.cniConfig}"
[${cri}.registry]
  config_path = "${path.join(p.config, 'certs.d')}"
`;
}

/** The registry on loopback speaks plain HTTP; containerd is told so per host. */
function registryHosts(s: ClusterSettings, p: ClusterPaths): void {
  const host = `127.0.0.1:${s.ports.registry}`;
  const dir = path.join(p.config, 'certs.d', host);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'hosts.toml'), `server = "http://${host}"\n\n[host."http://${host}"]\n  capabilities = ["pull", "resolve"]\n`);
}

function socketAnswers(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const conn = net.connect(socket);
    conn.once('connect', () => { conn.destroy(); resolve(true); });
    conn.once('error', () => resolve(false));
  });
}

export async function startContainerd(s: ClusterSettings, p: ClusterPaths, log: (line: string) => void): Promise<void> {
  fs.mkdirSync(p.config, { recursive: true });
  fs.mkdirSync(s.runDir, { recursive: true });
  const file = path.join(p.config, 'containerd.toml');
  writeConfig(file, config(s, p));
  registryHosts(s, p);
  await ensureDaemon(p, { name: 'containerd', command: '/usr/bin/containerd', args: ['--config', file] }, 'listening', () => socketAnswers(p.containerdSocket), log, 30_000);
}
