// Every run appends what each step did and how long it took, so slow builds show up over time.
import fs from 'node:fs';
import path from 'node:path';
import type { StepResult } from './step.js';

export function appendTimings(cache: string, results: readonly StepResult[]): void {
  const at = new Date().toISOString();
  const lines = results.map((r) => JSON.stringify({ at, step: r.id, tool: r.tool, version: r.version, action: r.action, seconds: r.seconds, bytes: r.bytes }));
  if (lines.length > 0) fs.appendFileSync(path.join(cache, 'timings.jsonl'), `${lines.join('\n')}\n`);
}

function megabytes(bytes: number): string {
  return bytes >= 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(1)} MB` : `${(bytes / 1024).toFixed(0)} KB`;
}

export function formatSummary(results: readonly StepResult[]): string {
  const rows = [
    ['step', 'version', 'result', 'time', 'size'],
    ...results.map((r) => [r.id, r.version, r.action, `${r.seconds.toFixed(1)}s`, megabytes(r.bytes)]),
  ];
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  const total = results.reduce((sum, r) => sum + r.seconds, 0);
  const body = rows.map((row) => row.map((cell, col) => (col >= 3 ? cell.padStart(widths[col]!) : cell.padEnd(widths[col]!))).join('  ').trimEnd());
  return [...body, `total ${total.toFixed(1)}s`].join('\n');
}
