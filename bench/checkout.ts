// Checkout under steady load: orders placed through the gateway at fixed rates (open loop: on schedule, whatever the
// answers), each timed from its POST to the first GET /api/v1/orders/:id showing it CONFIRMED. Per rate: p50, p95 and
// errors; at the end, the highest rate sustained: no errors, and confirmations keeping up with the orders placed.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { say, startBenchStack } from './support/bench-stack.js';
import { busiest, cpuSnapshot } from './support/cpu-usage.js';
import { Api } from '../test/support/api-client.js';

interface Settings {
  durationS: number;
  maxOrders: number;
  pollMs: number;
  timeoutMs: number;
}

interface Outcome {
  /** POST to seen CONFIRMED, when it was. */
  confirmedMs?: number;
  postMs?: number;
  error?: string;
}

interface RateResult {
  rate: number;
  orders: number;
  sentPerS: number;
  confirmedPerS: number;
  p50: number;
  p95: number;
  max: number;
  postP50: number;
  errors: number;
  errorKinds: Map<string, number>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** One order: POST, then poll until it is settled or the time is up. */
/** A product with this much stock, as an administrator adds one. */
async function stockedProduct(client: Api, admin: string, available: number): Promise<string> {
  const body = { sku: `BN-${crypto.randomUUID().slice(0, 8)}`, name: 'Bench Kettle', description: 'A kettle for the checkout benchmark', category: 'bench', price: { amount: 2_000, currency: 'USD' } };
  const created = await client.call('POST', '/api/v1/products', { token: admin, body });
  if (created.status !== 201) throw new Error(`create product answered ${created.status}: ${JSON.stringify(created.body)}`);
  const stocked = await client.call('PUT', `/api/v1/inventory/${created.body.id}`, { token: admin, body: { available } });
  if (stocked.status !== 200) throw new Error(`set stock answered ${stocked.status}: ${JSON.stringify(stocked.body)}`);
  return created.body.id as string;
}

async function placeAndWait(client: Api, token: string, productId: string, s: Settings): Promise<Outcome> {
  const t0 = performance.now();
  try {
    const placed = await client.call('POST', '/api/v1/orders', { token, body: { items: [{ productId, quantity: 1 }], payment: { token: 'tok_visa' } }, headers: { 'idempotency-key': crypto.randomUUID() } });
    const postMs = performance.now() - t0;
    if (placed.status !== 201) return { postMs, error: `POST ${placed.status} ${placed.body?.error?.code ?? ''}`.trim() };
    for (;;) {
      await sleep(s.pollMs);
      const seen = await client.call('GET', `/api/v1/orders/${placed.body.id}`, { token });
      const elapsed = performance.now() - t0;
      if (seen.status !== 200) return { postMs, error: `GET ${seen.status} ${seen.body?.error?.code ?? ''}`.trim() };
      if (seen.body.status === 'CONFIRMED') return { postMs, confirmedMs: elapsed };
      if (seen.body.status === 'CANCELLED') return { postMs, error: `CANCELLED ${seen.body.cancellationReason}` };
      if (elapsed > s.timeoutMs) return { postMs, error: `not confirmed within ${s.timeoutMs / 1000} s` };
    }
  } catch (err) {
    return { error: `network: ${err instanceof Error ? err.message : String(err)}` };
  }
}

async function runRate(rate: number, client: Api, customers: readonly string[], products: readonly string[], s: Settings): Promise<RateResult> {
  const count = Math.min(Math.round(rate * s.durationS), s.maxOrders);
  const interval = 1_000 / rate;
  let sent = 0;
  let done = 0;
  let failed = 0;
  const start = performance.now();
  const progress = setInterval(() => say(`  ${rate}/s: ${sent}/${count} placed, ${done - failed} confirmed, ${failed} errors, ${sent - done} waiting`), 2_000);
  const outcomes: Array<Promise<Outcome>> = [];
  let lastConfirmedAt = start;
  try {
    for (let i = 0; i < count; i++) {
      await sleep(start + i * interval - performance.now());
      sent += 1;
      outcomes.push(placeAndWait(client, customers[i % customers.length]!, products[i % products.length]!, s).then((o) => {
        done += 1;
        if (o.error) failed += 1;
        else lastConfirmedAt = performance.now();
        return o;
      }));
    }
    const sendSeconds = (performance.now() - start) / 1_000;
    const all = await Promise.all(outcomes);
    const latencies = all.flatMap((o) => (o.confirmedMs === undefined ? [] : [o.confirmedMs])).sort((a, b) => a - b);
    const posts = all.flatMap((o) => (o.postMs === undefined ? [] : [o.postMs])).sort((a, b) => a - b);
    const errorKinds = new Map<string, number>();
    for (const o of all) if (o.error) errorKinds.set(o.error, (errorKinds.get(o.error) ?? 0) + 1);
    return {
      rate,
      orders: count,
      sentPerS: count / Math.max(sendSeconds, interval / 1_000),
      confirmedPerS: latencies.length / ((lastConfirmedAt - start) / 1_000 || 1),
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      max: latencies.at(-1) ?? Number.NaN,
      postP50: percentile(posts, 50),
      errors: all.length - latencies.length,
      errorKinds,
    };
  } finally {
    clearInterval(progress);
  }
}

/** No errors, and orders were confirmed as fast as they were placed (a backlog that grows fails later, not never). */
const sustained = (r: RateResult) => r.errors === 0 && r.confirmedPerS >= 0.9 * r.sentPerS;

function table(rows: readonly RateResult[]): string {
  const ms = (v: number) => (Number.isNaN(v) ? '-' : v.toFixed(0));
  const cells = [
    ['target/s', 'orders', 'placed/s', 'confirmed/s', 'p50 ms', 'p95 ms', 'max ms', 'POST p50 ms', 'errors'],
    ...rows.map((r) => [String(r.rate), String(r.orders), r.sentPerS.toFixed(1), r.confirmedPerS.toFixed(1), ms(r.p50), ms(r.p95), ms(r.max), ms(r.postP50), String(r.errors)]),
  ];
  const widths = cells[0]!.map((_, c) => Math.max(...cells.map((row) => row[c]!.length)));
  return cells.map((row) => row.map((cell, c) => cell.padStart(widths[c]!)).join('  ')).join('\n');
}

export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      rates: { type: 'string', default: '2,3,4,5,10,20' },
      duration: { type: 'string', default: '15' },
      'max-orders': { type: 'string', default: '300' },
      customers: { type: 'string', default: '40' },
      products: { type: 'string', default: '8' },
      poll: { type: 'string', default: '250' },
      timeout: { type: 'string', default: '30' },
    },
  });
  const rates = values.rates.split(',').map(Number);
  if (rates.some((r) => !(r > 0))) throw new Error(`--rates takes positive numbers separated by commas, not ${values.rates}`);
  const settings: Settings = { durationS: Number(values.duration), maxOrders: Number(values['max-orders']), pollMs: Number(values.poll), timeoutMs: Number(values.timeout) * 1_000 };
  say(`checkout: rates ${rates.join(', ')} orders/s, ${settings.durationS} s each (at most ${settings.maxOrders} orders), polled every ${settings.pollMs} ms, ${os.cpus().length} CPUs`);

  const stack = await startBenchStack();
  try {
    say('starting the gateway and the seven services, each beside its daprd');
    const unlimited = { RATE_LIMIT_IP_POINTS: '100000000', RATE_LIMIT_USER_POINTS: '100000000', RATE_LIMIT_AUTH_POINTS: '100000000' };
    const [gateway] = await Promise.all([
      stack.start('gateway', unlimited),
      stack.start('users', { SCRYPT_LOG_N: '14' }),
      ...['catalog', 'cart', 'orders', 'inventory', 'payments', 'notifications'].map((name) => stack.start(name)),
    ]);
    const client = new Api(gateway.url);
    const admin = await client.adminToken();
    const products: string[] = [];
    for (let i = 0; i < Number(values.products); i++) products.push(await stockedProduct(client, admin, 1_000_000));
    say(`registering ${values.customers} customers`);
    const customers: string[] = [];
    while (customers.length < Number(values.customers)) customers.push(...(await Promise.all(Array.from({ length: 8 }, async () => (await client.newCustomer('Bench')).token))));

    say('warming up: 5 orders, one at a time');
    for (let i = 0; i < 5; i++) {
      const o = await placeAndWait(client, customers[i]!, products[i % products.length]!, settings);
      if (o.error) throw new Error(`warm-up order failed: ${o.error}`);
      say(`  warm-up order confirmed in ${o.confirmedMs!.toFixed(0)} ms`);
    }

    const results: RateResult[] = [];
    for (const rate of rates) {
      say(`${rate} orders/s for ${Math.min(settings.durationS, settings.maxOrders / rate).toFixed(0)} s`);
      const [cpuBefore, t0] = [cpuSnapshot(stack.processes()), performance.now()];
      const r = await runRate(rate, client, customers, products, settings);
      const [cpuAfter, wallS] = [cpuSnapshot(stack.processes()), (performance.now() - t0) / 1_000];
      results.push(r);
      say(`  ${rate}/s: p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms, ${r.errors} errors${r.errors ? ` (${[...r.errorKinds].map(([k, n]) => `${n}× ${k}`).join(', ')})` : ''}`);
      const used = busiest(cpuBefore, cpuAfter, 100);
      const total = used.reduce((sum, p) => sum + p.seconds, 0);
      say(`  CPU of the stack: ${(total / wallS).toFixed(2)} of ${os.cpus().length} cores; busiest: ${used.slice(0, 6).map((p) => `${p.name} ${((100 * p.seconds) / wallS).toFixed(0)}%`).join(', ')}`);
      if (!sustained(r)) {
        say(`  ${r.errors > 0 ? 'errors' : 'confirmations fell behind'} at this rate: higher rates are not tried`);
        break;
      }
      await sleep(2_000);
    }
    console.log(`\n${table(results)}\n`);
    const clean = results.filter(sustained).map((r) => r.rate);
    console.log(clean.length > 0 ? `highest rate sustained without errors: ${Math.max(...clean)} orders/s\n` : 'no rate was sustained without errors\n');
  } finally {
    await stack.stop();
  }
}
