// N keep-alive connections for a fixed time against one URL (autocannon), reduced to what the report needs.
import autocannon from 'autocannon';

export interface LoadResult {
  label: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** How many answers had each status code. */
  statuses: Record<string, number>;
}

export async function drive(label: string, url: string, connections: number, durationSeconds: number, headers: Record<string, string> = {}): Promise<LoadResult> {
  const result = await autocannon({ url, connections, duration: durationSeconds, pipelining: 1, headers });
  return {
    label,
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statuses: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, (stat as { count: number }).count])),
  };
}

export function table(rows: readonly LoadResult[]): string {
  const cells = [['target', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx'], ...rows.map((r) => [r.label, String(r.requests), r.rps.toFixed(0), ms(r.p50), ms(r.p99), String(r.errors), String(r.non2xx)])];
  const widths = cells[0]!.map((_, c) => Math.max(...cells.map((row) => row[c]!.length)));
  return cells.map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')).join('\n');
}

// autocannon measures whole milliseconds.
const ms = (value: number) => (value < 1 ? '<1' : value.toFixed(0));
