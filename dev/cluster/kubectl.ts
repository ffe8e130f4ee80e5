// kubectl against the local cluster, and manifests applied from objects (kept under .cluster/config for reading).
import fs from 'node:fs';
import path from 'node:path';
import { run, type RunResult } from '../toolchain/exec.js';
import type { ClusterPaths } from './settings.js';

export interface Kubectl {
  (args: readonly string[]): Promise<RunResult>;
  /** Server-side apply of `objects`, written first to `<config>/manifests/<name>.json`. */
  apply(name: string, objects: readonly object[]): Promise<void>;
  /** Polls a JSONPath of a resource until `accept` passes; the last value is in the error. */
  waitFor(what: string, args: readonly string[], accept: (value: string) => boolean, timeoutMs: number): Promise<void>;
}

export function kubectlFor(p: ClusterPaths, kubectlBin: string, kubeconfig: string, logFile: string): Kubectl {
  const call = (args: readonly string[]) => run(kubectlBin, [`--kubeconfig=${kubeconfig}`, ...args], { logFile });
  const apply = async (name: string, objects: readonly object[]) => {
    const dir = path.join(p.config, 'manifests');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}.json`);
    fs.writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }, null, 2));
    await call(['apply', '--server-side', '--force-conflicts', '--field-manager=commercex-cluster', '-f', file]);
  };
  const waitFor = async (what: string, args: readonly string[], accept: (value: string) => boolean, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    let last = '(no answer)';
    while (Date.now() < deadline) {
      last = await call(args).then((r) => r.stdout.trim(), (err: Error) => err.message.split('\n').slice(-1)[0] ?? '');
      if (accept(last)) return;
      await new Promise((r) => setTimeout(r, 1_000));
    }
    throw new Error(`${what} not within ${timeoutMs / 1000}s (last: ${last}); see ${logFile}`);
  };
  return Object.assign(call, { apply, waitFor });
}

/** Waits until every Deployment in `namespace` has all its replicas available. */
export async function waitForDeployments(kubectl: Kubectl, namespace: string, timeoutMs: number): Promise<void> {
  const jsonpath = '{range .items[*]}{.metadata.name}={.status.availableReplicas}/{.spec.replicas} {end}';
  await kubectl.waitFor(`the Deployments in ${namespace}`, ['get', 'deployments', '-n', namespace, '-o', `jsonpath=${jsonpath}`], (value) => {
    const entries = value.split(' ').filter(Boolean);
    return entries.length > 0 && entries.every((e) => {
      const [available, wanted] = (e.split('=')[1] ?? '').split('/');
      return available !== '' && available === wanted;
    });
  }, timeoutMs);
}
