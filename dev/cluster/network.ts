// The host settings the node needs, saved and put back by `down`, and a rule that keeps pod traffic on this machine.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ClusterPaths, ClusterSettings } from './settings.js';

const SYSCTLS = { 'net/ipv4/ip_forward': '1', 'net/bridge/bridge-nf-call-iptables': '1' } as const;
const CHAIN = 'COMMERCEX-EGRESS';
const SERVICES_CHAIN = 'COMMERCEX-SERVICES';

const savedFile = (p: ClusterPaths) => path.join(p.config, 'sysctl-before.json');
const sysctlPath = (key: string) => path.join('/proc/sys', key);

function iptables(args: readonly string[]): boolean {
  try {
    execFileSync('iptables', ['-w', '5', ...args], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function prepareHostNetwork(s: ClusterSettings, p: ClusterPaths): void {
  fs.mkdirSync(p.config, { recursive: true });
  if (!fs.existsSync(savedFile(p))) {
    const before = Object.fromEntries(Object.keys(SYSCTLS).map((k) => [k, fs.readFileSync(sysctlPath(k), 'utf8').trim()]));
    fs.writeFileSync(savedFile(p), JSON.stringify(before));
  }
  for (const [key, value] of Object.entries(SYSCTLS)) fs.writeFileSync(sysctlPath(key), value);
  // Pods may reach each other, services and this machine; anything they send beyond it is refused.
  if (!iptables(['-L', CHAIN, '-n'])) {
    iptables(['-N', CHAIN]);
    iptables(['-A', CHAIN, '-d', s.podCidr, '-j', 'RETURN']);
    iptables(['-A', CHAIN, '-s', s.podCidr, '-j', 'REJECT', '--reject-with', 'icmp-net-prohibited']);
  }
  if (!iptables(['-C', 'FORWARD', '-j', CHAIN])) iptables(['-I', 'FORWARD', '1', '-j', CHAIN]);
  // A service address kube-proxy has not translated (yet) must not leave by the default route: this machine's
  // network answered such a connection (404), and the apiserver kept reusing it, so metrics-server never became available.
  if (!iptables(['-L', SERVICES_CHAIN, '-n'])) {
    iptables(['-N', SERVICES_CHAIN]);
    iptables(['-A', SERVICES_CHAIN, '-d', s.serviceCidr, '-j', 'REJECT', '--reject-with', 'icmp-net-unreachable']);
  }
  if (!iptables(['-C', 'OUTPUT', '-j', SERVICES_CHAIN])) iptables(['-A', 'OUTPUT', '-j', SERVICES_CHAIN]);
}

/** Every chain, rule, interface, namespace and mount the node left, then the sysctls as they were. */
export function cleanHostNetwork(s: ClusterSettings, p: ClusterPaths, kubeProxy: string): string[] {
  const done: string[] = [];
  try {
    execFileSync(kubeProxy, ['--cleanup'], { stdio: 'ignore' });
    done.push('kube-proxy rules');
  } catch {
    // nothing to clean, or kube-proxy is not built
  }
  while (iptables(['-D', 'FORWARD', '-j', CHAIN])) done.push(`FORWARD -> ${CHAIN}`);
  if (iptables(['-F', CHAIN]) && iptables(['-X', CHAIN])) done.push(`chain ${CHAIN}`);
  while (iptables(['-D', 'OUTPUT', '-j', SERVICES_CHAIN])) done.push(`OUTPUT -> ${SERVICES_CHAIN}`);
  if (iptables(['-F', SERVICES_CHAIN]) && iptables(['-X', SERVICES_CHAIN])) done.push(`chain ${SERVICES_CHAIN}`);
  // kube-proxy, the kubelet (KUBE-FIREWALL, its canaries) and the CNI plugins name their chains KUBE-* and CNI-*:
  // each table is restored without them and the rules that jump to them, in one step.
  for (const family of ['iptables', 'ip6tables']) {
    for (const table of ['nat', 'filter', 'mangle']) {
      const dump = execFileSync(`${family}-save`, ['-t', table], { encoding: 'utf8' });
      const kept = dump.split('\n').filter((line) => !/^:(KUBE|CNI)-|^-A (KUBE|CNI)-|-[jg] (KUBE|CNI)-/.test(line));
      if (kept.length !== dump.split('\n').length) {
        execFileSync(`${family}-restore`, ['-w', '5'], { input: kept.join('\n') });
        done.push(`${family} ${table}: Kubernetes and CNI chains`);
      }
    }
  }
  for (const ns of fs.existsSync('/var/run/netns') ? fs.readdirSync('/var/run/netns').filter((n) => n.startsWith('cni-')) : []) {
    try {
      execFileSync('ip', ['netns', 'delete', ns], { stdio: 'ignore' });
      done.push(`netns ${ns}`);
    } catch {
      // already gone
    }
  }
  try {
    execFileSync('ip', ['link', 'delete', s.bridge], { stdio: 'ignore' });
    done.push(`bridge ${s.bridge}`);
  } catch {
    // never created
  }
  const mounts = fs.readFileSync('/proc/mounts', 'utf8').split('\n').map((l) => l.split(' ')[1] ?? '')
    .filter((m) => m.startsWith(`${s.dir}/`) || m.startsWith(`${s.runDir}/`)).sort((a, b) => b.length - a.length);
  for (const mount of mounts) {
    try {
      execFileSync('umount', ['-l', mount], { stdio: 'ignore' });
    } catch {
      // unmounted with its parent
    }
  }
  if (mounts.length > 0) done.push(`${mounts.length} mounts`);
  if (fs.existsSync(savedFile(p))) {
    const before = JSON.parse(fs.readFileSync(savedFile(p), 'utf8')) as Record<string, string>;
    for (const [key, value] of Object.entries(before)) fs.writeFileSync(sysctlPath(key), value);
    fs.rmSync(savedFile(p));
    done.push('sysctls restored');
  }
  return done;
}
