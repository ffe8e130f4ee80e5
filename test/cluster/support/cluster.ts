// The cluster suite's view of the local cluster: the gateway's address, kubectl as administrator, and the shop's admin.
import fs from 'node:fs';
import path from 'node:path';
import { kubectlFor, type Kubectl } from '../../../dev/cluster/kubectl.js';
import { clusterPaths, clusterSettings } from '../../../dev/cluster/settings.js';
import { SHOP_NAMESPACE, adminCredentials } from '../../../dev/cluster/shop.js';
import { toolchainPaths } from '../../../dev/toolchain/paths.js';
import { Api } from '../../support/api-client.js';

export interface ClusterUnderTest {
  readonly api: Api;
  readonly kubectl: Kubectl;
  adminToken(): Promise<string>;
}

export function clusterUnderTest(): ClusterUnderTest {
  const p = clusterPaths(clusterSettings());
  if (!fs.existsSync(p.gatewayUrl)) throw new Error(`${p.gatewayUrl} is missing: the cluster suite's setup (npm run cluster) did not finish`);
  const api = new Api(fs.readFileSync(p.gatewayUrl, 'utf8').trim());
  const kubectl = kubectlFor(p, path.join(toolchainPaths.kubernetesBin, 'kubectl'), p.kubeconfig, path.join(p.logs, 'cluster-tests.log'));
  return {
    api,
    kubectl,
    async adminToken() {
      const { email, password } = await adminCredentials(kubectl);
      const res = await api.call('POST', '/api/v1/auth/login', { body: { email, password } });
      if (res.status !== 200) throw new Error(`the administrator's login answered ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body.accessToken as string;
    },
  };
}

/** Runs `script` with node inside a service's app container, beside its sidecar, and returns what it printed. */
export async function nodeInPod(kubectl: Kubectl, service: string, script: string): Promise<string> {
  const { stdout } = await kubectl(['exec', '-n', SHOP_NAMESPACE, `deploy/${service}`, '-c', 'app', '--', 'node', '-e', script]);
  return stdout.trim();
}
