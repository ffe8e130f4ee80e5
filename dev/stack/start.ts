// `npm start`: the whole shop on this machine — real Kafka, Redis, FerretDB, and every service beside its own daprd.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ensureToolchain } from '../toolchain/paths.js';
import { startInfra } from './infra.js';
import { spawnManaged, tailLog } from './managed-process.js';
import { mib, trackPeakRss, treeRss } from './memory.js';
import { assertPortsFree } from './ports.js';
import { renderResources } from './resources.js';
import { presentServices, writeRunFile } from './run-file.js';
import { mtlsEnv, startSentry } from './sentry.js';
import { waitForHttp } from './service-process.js';
import { infraPorts, repoRoot, stackVariables } from './settings.js';
import { printSummary } from './summary.js';

const say = (m: string) => console.log(`[stack] ${m}`);
/** Where the Dapr CLI sends every sidecar for its certificate when the Configuration turns mTLS on. */
const SENTRY_PORT = 50001;
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)}s`;

function build(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsc', '-b'], { cwd: repoRoot, stdio: 'inherit' });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error('the TypeScript build failed; fix the errors above and run npm start again'))));
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  const stateDir = path.join(repoRoot, '.stack');
  if (process.argv.includes('--fresh')) fs.rmSync(stateDir, { recursive: true, force: true });
  fs.mkdirSync(stateDir, { recursive: true });

  const tools = await ensureToolchain(['daprd', 'dapr', 'dapr-control-plane', 'kafka', 'ferretdb', 'redis']);
  const ports = infraPorts();
  const apps = presentServices();
  const gatewayPort = Number(process.env.GATEWAY_PORT ?? 8080);
  const appPort = (s: { name: string; appPort: number }) => (s.name === 'gateway' ? gatewayPort : s.appPort);
  await assertPortsFree(apps.flatMap((s) => [
    { what: `${s.name} app`, variable: s.name === 'gateway' ? 'GATEWAY_PORT' : 'the service catalog (libs/contracts/src/service-catalog.ts)', port: appPort(s) },
    { what: `${s.name} sidecar HTTP`, variable: 'the service catalog (libs/contracts/src/service-catalog.ts)', port: s.daprHttpPort },
  ]).concat([{ what: 'Dapr sentry', variable: 'nothing (the Dapr CLI always asks localhost:50001): stop what holds it', port: SENTRY_PORT }]));

  say('starting Kafka, Redis, FerretDB and sentry (mTLS identities for the sidecars)');
  let t = Date.now();
  const [infra, sentry] = await Promise.all([
    startInfra({ redisServer: tools.redisServer, ferretdb: tools.ferretdb, kafkaLibs: tools.kafkaLibs }, ports, stateDir),
    startSentry(path.join(tools.daprControlPlane, 'sentry'), SENTRY_PORT, stateDir, path.join(stateDir, 'logs')),
  ] as const);
  say(`infrastructure ready in ${seconds(t)}`);

  let memory: ReturnType<typeof trackPeakRss> | undefined;
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (memory) say(`peak memory while running: ${mib(memory.peak())}`);
    say('stopping everything this command started');
    await daprRun?.stop('SIGTERM', 15_000);
    await Promise.all([infra.stop(), sentry.stop()]);
    say('stopped');
    process.exit(code);
  };
  let daprRun: ReturnType<typeof spawnManaged> | undefined;
  process.on('SIGINT', () => void stopAll(0)).on('SIGTERM', () => void stopAll(0));

  try {
    t = Date.now();
    say('building services (tsc -b)');
    await build();
    say(`built in ${seconds(t)}`);
    const vars = stackVariables(ports, stateDir);
    const { resourcesDir, configDir } = renderResources(vars, stateDir);
    const runFile = writeRunFile({ services: apps, resourcesDir, configDir, runtimePath: tools.daprRuntimePath, env: { ...vars, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' }, stateDir, appPort });
    t = Date.now();
    say(`starting ${apps.length} services with their sidecars (dapr run -f ${path.relative(repoRoot, runFile)})`);
    // daprd inherits the CLI's environment (the apps get it too): the trust anchors it checks sentry against, its
    // namespace, and this start's tokens: every sidecar's API requires DAPR_API_TOKEN, every app APP_API_TOKEN.
    const tokens = { DAPR_API_TOKEN: randomBytes(24).toString('base64url'), APP_API_TOKEN: randomBytes(24).toString('base64url') };
    daprRun = spawnManaged('dapr-run', tools.dapr, ['run', '-f', runFile], { logDir: path.join(stateDir, 'logs'), cwd: repoRoot, env: { ...process.env, ...mtlsEnv(sentry), ...tokens } });
    const run = daprRun;
    await Promise.all(apps.map((s) => waitForHttp(`http://127.0.0.1:${appPort(s)}/ready`, 90_000, s.name, run.logFile, run.exited)));
    say(`services ready in ${seconds(t)}`);
    printSummary({ apps, appPort, ports, stateDir, startedMs: Date.now() - started });
    const now = treeRss();
    if (now) {
      say(`memory: ${mib(now.bytes)} resident across ${now.processes} processes`);
      memory = trackPeakRss();
    }
    void run.exited.then(() => {
      if (!stopping) {
        console.error(`[stack] dapr run exited unexpectedly; last lines:\n${tailLog(run.logFile)}`);
        void stopAll(1);
      }
    });
  } catch (err) {
    console.error(`[stack] ${err instanceof Error ? err.message : String(err)}`);
    await stopAll(1);
  }
}

main().catch((err: unknown) => {
  console.error(`[stack] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
