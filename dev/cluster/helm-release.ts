// A release left pending by an interrupted install or upgrade blocks every later one ("another operation is in
// progress"): it is put back first, so `npm run cluster` can always be run again.
import { run } from '../toolchain/exec.js';

export interface Release {
  readonly helm: string;
  readonly kubeconfig: string;
  readonly name: string;
  readonly namespace: string;
  readonly logFile?: string;
}

export async function unblockRelease(r: Release, log: (line: string) => void): Promise<void> {
  const common = ['--namespace', r.namespace, '--kubeconfig', r.kubeconfig];
  const status = await run(r.helm, ['status', r.name, ...common, '-o', 'json'], { logFile: r.logFile })
    .then(({ stdout }) => (JSON.parse(stdout) as { info?: { status?: string }; version?: number }), () => undefined);
  const state = status?.info?.status;
  if (state === 'pending-install') {
    log(`${r.name}: an interrupted install is uninstalled first`);
    await run(r.helm, ['uninstall', r.name, ...common, '--wait'], { logFile: r.logFile });
  } else if (state === 'pending-upgrade' || state === 'pending-rollback') {
    log(`${r.name}: an interrupted ${state.slice(8)} is rolled back first`);
    await run(r.helm, ['rollback', r.name, ...common, '--wait'], { logFile: r.logFile });
  }
}
