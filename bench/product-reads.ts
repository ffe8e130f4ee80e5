// Product reads through the whole path (client → gateway → daprd → daprd → catalog → Redis cache) against a bare
// node:http server returning the same bytes, in the same run on the same machine: req/s, p50, p99 and their ratio.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { spawnManaged } from '../dev/stack/managed-process.js';
import { freePort, waitForPort } from '../dev/stack/ports.js';
import type { RunningService } from '../dev/stack/service-process.js';
import { repoRoot } from '../dev/stack/settings.js';
import { say, startBenchStack } from './support/bench-stack.js';
import { drive, table, type LoadResult } from './support/load.js';

export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { connections: { type: 'string', default: '32' }, duration: { type: 'string', default: '10' }, product: { type: 'string', default: 'prod-001' } } });
  const connections = Number(values.connections);
  const duration = Number(values.duration);
  say(`product reads: ${connections} keep-alive connections, ${duration} s per target, ${os.cpus().length} CPUs`);

  const stack = await startBenchStack();
  const running: RunningService[] = [];
  const start = async (name: string, env: Record<string, string>) => {
    const s = await stack.start(name, env);
    running.push(s);
    return s;
  };
  let baseline: ReturnType<typeof spawnManaged> | undefined;
  try {
    say('starting catalog and gateway, each beside its daprd');
    const [gateway] = await Promise.all([start('gateway', { RATE_LIMIT_IP_POINTS: '100000000', RATE_LIMIT_USER_POINTS: '100000000' }), start('catalog', {})]);
    const url = `${gateway!.url}/api/v1/products/${values.product}`;
    say(`warming the cache: ${url}`);
    let payload = '';
    for (let i = 0; i < 50; i++) {
      const res = await fetch(url);
      payload = await res.text();
      if (res.status !== 200) throw new Error(`warm-up answered ${res.status}: ${payload}`);
    }
    const basePort = await freePort();
    baseline = spawnManaged('bare-server', process.execPath, ['--import', 'tsx', 'bench/support/bare-server.ts'], { cwd: repoRoot, env: { ...process.env, BENCH_PORT: String(basePort), BENCH_PAYLOAD: payload }, logDir: stack.logDir });
    await waitForPort(basePort, 'bare server', 15_000);

    // The same read at each hop, so the table shows where the time goes. Sidecar-only goes last: the requests autocannon
    // cancels when it stops count as failures for Dapr's circuit breaker, which would then refuse the next run for 5 s.
    const [catalog] = running.filter((r) => r.name === 'catalog') as [RunningService];
    const targets: Array<[string, string, Record<string, string>]> = [
      ['bare node:http', `http://127.0.0.1:${basePort}/`, {}],
      ['catalog app alone', `${catalog.url}/products/${values.product}`, { 'dapr-api-token': catalog.appApiToken }],
      ['gateway → daprd ×2 → catalog', url, {}],
      ['daprd ×2 → catalog', `http://127.0.0.1:${gateway!.sidecar.httpPort}/v1.0/invoke/catalog/method/products/${values.product}`, {}],
    ];
    const results: LoadResult[] = [];
    for (const [label, target, headers] of targets) {
      say(`driving ${label} for ${duration} s`);
      const result = await drive(label, target, connections, duration, headers);
      results.push(result);
      if (result.non2xx > 0) {
        const sample = await fetch(target, { headers });
        say(`${label}: statuses ${JSON.stringify(result.statuses)}; one now: ${sample.status} ${(await sample.text()).slice(0, 200)}`);
      }
    }
    const bare = results[0]!;
    const shop = results[2]!;
    console.log(`\n${table(results)}\n`);
    console.log(`gateway / bare node:http: ${(100 * shop.rps / bare.rps).toFixed(1)} % of the throughput; p99 ${shop.p99.toFixed(0)} ms against ${bare.p99.toFixed(0)} ms\n`);
  } finally {
    await baseline?.stop();
    await stack.stop();
  }
}
