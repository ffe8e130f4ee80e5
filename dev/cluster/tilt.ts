// `npm run cluster -- tilt [up|ci|down] [tilt flags]`: Tilt on this machine's cluster. The Tiltfile gets
// `--local-cluster .cluster/tilt-settings.json`; tilt, helm and kubectl come from the toolchain.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../stack/settings.js';
import { ensureToolchain } from '../toolchain/paths.js';
import { run } from '../toolchain/exec.js';
import { runningPid } from './daemon.js';
import { kubectlFor } from './kubectl.js';
import type { ClusterPaths, ClusterSettings } from './settings.js';
import { SHOP_NAMESPACE } from './shop.js';

const MODES = ['up', 'ci', 'down'] as const;

/** Runs tilt in the foreground with the cluster's kubeconfig and tools; resolves to its exit code. */
export async function runTilt(s: ClusterSettings, p: ClusterPaths, args: readonly string[], log: (line: string) => void): Promise<number> {
  const [mode = 'up', ...flags] = args;
  if (!(MODES as readonly string[]).includes(mode)) throw new Error(`tilt ${mode}: choose one of ${MODES.join(', ')} (npm run cluster -- tilt ci)`);
  if (runningPid(p, 'kube-apiserver') === undefined || !fs.existsSync(p.tiltSettings)) {
    throw new Error(`the cluster is not up (no kube-apiserver, or no ${path.relative(repoRoot, p.tiltSettings)}): run \`npm run cluster\` first`);
  }
  const tools = await ensureToolchain(['tilt', 'helm', 'kubernetes'], { log: (line) => log(`[toolchain] ${line}`) });
  if (mode !== 'down') {
    // The helm release and Tilt would both own the shop's objects; helm's go first (`npm run cluster` brings them back).
    const helm = await run(tools.helm, ['status', 'commercex', '-n', SHOP_NAMESPACE, '--kubeconfig', p.kubeconfig]).then(() => true, () => false);
    if (helm) {
      log(`uninstalling the helm release commercex: Tilt deploys the same objects from dist/ (\`npm run cluster -- tilt down\`, then \`npm run cluster\`, brings the release back)`);
      await run(tools.helm, ['uninstall', 'commercex', '-n', SHOP_NAMESPACE, '--wait', '--timeout', '5m', '--kubeconfig', p.kubeconfig]);
    }
  }
  const env = {
    ...process.env,
    KUBECONFIG: p.kubeconfig,
    PATH: [path.dirname(tools.tilt), path.dirname(tools.helm), tools.kubernetesBin, process.env.PATH].join(path.delimiter),
    TILT_DISABLE_ANALYTICS: '1',
  };
  const tiltArgs = [mode, ...flags, '--', '--local-cluster', p.tiltSettings];
  log(`tilt ${tiltArgs.join(' ')}`);
  const code = await new Promise<number>((resolve) => {
    const child = spawn(tools.tilt, tiltArgs, { cwd: repoRoot, env, stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward).on('SIGTERM', forward);
    child.once('exit', (exitCode, signal) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      resolve(exitCode ?? (signal ? 1 : 0));
    });
  });
  if (mode === 'down' && code === 0) {
    // tilt down deletes every object it applied but keeps the namespace; the pods drain before helm installs again.
    const kubectl = kubectlFor(p, path.join(tools.kubernetesBin, 'kubectl'), p.kubeconfig, path.join(p.logs, 'tilt.log'));
    await kubectl(['wait', '--for=delete', 'pods', '--all', '-n', SHOP_NAMESPACE, '--timeout=180s']).catch(() => undefined);
    log('Tilt\'s deployment removed; `npm run cluster` installs the helm release again');
  }
  return code;
}
