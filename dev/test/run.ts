// `npm test`: toolchain, build, real Kafka/Redis/FerretDB on free ports, every test, then stop what it started;
// then the cluster suite on a local Kubernetes cluster.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { STACK_TOOL_NAMES, ensureToolchain } from '../toolchain/paths.js';
import { startInfra } from '../stack/infra.js';
import { killMarked } from '../stack/leftovers.js';
import { freePort } from '../stack/ports.js';
import { renderResources } from '../stack/resources.js';
import { startSentry } from '../stack/sentry.js';
import { infraPorts, repoRoot, stackVariables } from '../stack/settings.js';

function step(message: string): void {
  console.log(`[test] ${message}`);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward).on('SIGTERM', forward);
    child.once('exit', (code, signal) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function main(): Promise<number> {
  const started = Date.now();
  const tools = await ensureToolchain(STACK_TOOL_NAMES);
  step('building the workspace and type-checking the scripts and tests');
  if ((await run('npx', ['tsc', '-b'], process.env)) !== 0) return 1;
  if ((await run('npx', ['tsc', '-p', 'tsconfig.scripts.json'], process.env)) !== 0) return 1;

  // Free ports and a fresh state dir, so tests never meet a running `npm start` or an earlier run's data.
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'commercex-test-'));
  const portEnv: NodeJS.ProcessEnv = {};
  for (const v of ['KAFKA_PORT', 'KAFKA_CONTROLLER_PORT', 'REDIS_PORT', 'MONGO_PORT', 'PAYMENT_PROVIDER_PORT']) {
    portEnv[v] = String(await freePort());
  }
  const ports = infraPorts(portEnv);
  step(`starting Kafka :${ports.kafka.port}, Redis :${ports.redis.port}, FerretDB :${ports.mongo.port} (state in ${stateDir})`);
  const infraStarted = Date.now();
  const infra = await startInfra({ redisServer: tools.redisServer, ferretdb: tools.ferretdb, kafkaLibs: tools.kafkaLibs }, ports, stateDir);
  step(`infrastructure ready in ${((Date.now() - infraStarted) / 1000).toFixed(1)}s`);
  const sentry = await startSentry(path.join(tools.daprControlPlane, 'sentry'), await freePort(), stateDir, path.join(stateDir, 'logs'));
  step(`sentry (mTLS identities) on ${sentry.address}`);
  const trustAnchorsFile = path.join(stateDir, 'sentry', 'credentials', 'ca.crt');
  const vars = stackVariables(ports, stateDir);
  const { resourcesDir, configDir } = renderResources(vars, stateDir);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...vars,
    COMMERCEX_TEST_STATE_DIR: stateDir,
    COMMERCEX_DAPRD: tools.daprd,
    COMMERCEX_RESOURCES_DIR: resourcesDir,
    COMMERCEX_DAPR_CONFIG_DIR: configDir,
    COMMERCEX_SENTRY_ADDRESS: sentry.address,
    COMMERCEX_TRUST_ANCHORS_FILE: trustAnchorsFile,
    COMMERCEX_HELM: tools.helm,
    COMMERCEX_TILT: tools.tilt,
    OTEL_SDK_DISABLED: 'true',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  const args = process.argv.slice(2);
  // With a filter, a phase may hold no matching file; that is not a failure of the run.
  const filtered = args.length > 0 ? ['--passWithNoTests'] : [];
  let code = 1;
  try {
    code = await run('npx', ['vitest', 'run', '--project', 'unit', '--project', 'integration', ...filtered, ...args], env);
  } finally {
    // Services and sidecars inherit COMMERCEX_TEST_STATE_DIR; any a killed test worker left behind are stopped here.
    const leftovers = killMarked('COMMERCEX_TEST_STATE_DIR', stateDir);
    if (leftovers > 0) step(`stopped ${leftovers} process(es) a test left running`);
    step('stopping infrastructure');
    await Promise.all([infra.stop(), sentry.stop()]);
    if (code === 0 && !process.env.KEEP_TEST_STATE) fs.rmSync(stateDir, { recursive: true, force: true });
    else step(`logs kept in ${path.join(stateDir, 'logs')}`);
  }
  if (code === 0) {
    // Last and alone: the local Kubernetes cluster needs the machine's cores more than anything before it.
    step('the cluster suite: the shop on a local Kubernetes cluster (npm run cluster; brought down after if this run started it)');
    code = await run('npx', ['vitest', 'run', '--project', 'cluster', ...filtered, ...args], process.env);
  }
  step(`${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)}s`);
  return code;
}

main().then((code) => process.exit(code), (err: unknown) => {
  console.error(`[test] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
