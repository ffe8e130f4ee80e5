// `npm run cluster [up|down|status]`: a single-node Kubernetes on this machine with the shop installed,
// or everything it started stopped again.
import fs from 'node:fs';
import path from 'node:path';
import { toolchainPaths } from '../toolchain/paths.js';
import { buildClusterImages } from './cluster-images.js';
import { DAPR_NAMESPACE, SCHEDULER_VOLUME_SIZE, daprChartDir, daprValues, installDapr } from './dapr.js';
import { LOCAL_STORAGE_CLASS, ensureLocalVolumes } from './local-volumes.js';
import { runningPid } from './daemon.js';
import { clusterDown, DAEMONS } from './down.js';
import { registryPid, stopRegistry } from './registry.js';
import { clusterPaths, clusterSettings } from './settings.js';
import { adminCredentials, installShop } from './shop.js';
import { runTilt } from './tilt.js';
import { writeTiltSettings } from './tilt-settings.js';
import { clusterUp, timed } from './up.js';

const log = (line: string) => console.log(`[cluster] ${line}`);
const usage = 'usage: npm run cluster [-- up | down [--purge] | status | tilt [up|ci|down] [tilt flags]]';

async function up(): Promise<void> {
  const started = performance.now();
  const s = clusterSettings();
  const p = clusterPaths(s);
  const cluster = await clusterUp(s, p, log, (tools) => timed(log, 'images', () => buildClusterImages(s, p, tools, log)));
  const { tools, kubectl, images } = cluster;
  await ensureLocalVolumes(s, kubectl, 'dapr-scheduler', 3, SCHEDULER_VOLUME_SIZE);
  const daprChart = await daprChartDir();
  const daprValuesFile = path.join(p.config, 'dapr-values.json');
  await timed(log, `Dapr control plane (${DAPR_NAMESPACE})`, () => installDapr({
    kubeconfig: p.kubeconfig, helm: tools.helm, chart: daprChart, valuesFile: daprValuesFile,
    values: daprValues({ registry: images.registry, refs: images.refs, storageClass: LOCAL_STORAGE_CLASS }),
    logFile: path.join(p.logs, 'helm-dapr.log'), log,
  }));
  const kubeContext = (await kubectl(['config', 'current-context'])).stdout.trim();
  writeTiltSettings(p, { kubeContext, registry: images.registry, helm: tools.helm, daprChart, daprValues: daprValuesFile, shop: images.shop });
  const url = await installShop({ p, helm: tools.helm, kubectl, images: images.shop, log });
  const admin = await adminCredentials(kubectl);
  log(`ready in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  console.log(`
  the shop:      ${url}   (also in ${path.relative(process.cwd(), p.gatewayUrl)})
  administrator: ${admin.email} / ${admin.password}
  kubectl:       export KUBECONFIG=${p.kubeconfig}; ${path.join(tools.kubernetesBin, 'kubectl')} get pods -A
  tilt:          npm run cluster -- tilt up   (or tilt ci; Tilt replaces the helm release until \`tilt down\`)
  stop it:       npm run cluster -- down`);
}

async function down(purge: boolean): Promise<void> {
  const s = clusterSettings();
  const p = clusterPaths(s);
  await clusterDown(s, p, path.join(toolchainPaths.kubernetesBin, 'kube-proxy'), log);
  if (await stopRegistry(p.registryData)) log('registry: stopped');
  if (purge) {
    fs.rmSync(s.dir, { recursive: true, force: true });
    log(`removed ${s.dir}`);
  }
  log('down');
}

function status(): void {
  const s = clusterSettings();
  const p = clusterPaths(s);
  for (const name of DAEMONS) {
    const pid = runningPid(p, name);
    console.log(`${name.padEnd(24)} ${pid === undefined ? 'stopped' : `running (pid ${pid})`}`);
  }
  const registry = registryPid(p.registryData);
  console.log(`${'registry'.padEnd(24)} ${registry === undefined ? 'stopped' : `running (pid ${registry})`}`);
  if (fs.existsSync(p.gatewayUrl)) console.log(`${'gateway'.padEnd(24)} ${fs.readFileSync(p.gatewayUrl, 'utf8').trim()}`);
}

const [command = 'up', ...rest] = process.argv.slice(2);
async function tilt(args: readonly string[]): Promise<void> {
  const s = clusterSettings();
  process.exitCode = await runTilt(s, clusterPaths(s), args, log);
}

const actions: Record<string, () => Promise<void> | void> = { up, down: () => down(rest.includes('--purge')), status, tilt: () => tilt(rest) };
const action = actions[command];
if (!action || command === '--help') {
  console.log(usage);
  process.exit(action ? 0 : 2);
}
try {
  await action();
} catch (err) {
  console.error(`[cluster] ${err instanceof Error ? err.message : String(err)}`);
  console.error('[cluster] logs are in .cluster/logs; `npm run cluster -- down` stops what started');
  process.exit(1);
}
