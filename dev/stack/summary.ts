// What runs where, printed once the stack is up.
import fs from 'node:fs';
import path from 'node:path';
import type { ServiceSpec } from '../../libs/contracts/src/service-catalog.js';
import type { InfraPorts } from './settings.js';
import { repoRoot } from './settings.js';

export interface SummaryInput {
  readonly apps: readonly ServiceSpec[];
  readonly appPort: (s: ServiceSpec) => number;
  readonly ports: InfraPorts;
  readonly stateDir: string;
  readonly startedMs: number;
}

export function printSummary(i: SummaryInput): void {
  const rows: string[][] = [['what', 'address', 'sidecar (Dapr HTTP)']];
  for (const s of i.apps) rows.push([s.name, `http://localhost:${i.appPort(s)}`, `http://localhost:${s.daprHttpPort}`]);
  rows.push(['Kafka', `localhost:${i.ports.kafka.port}`, '']);
  rows.push(['Redis', `localhost:${i.ports.redis.port}`, '']);
  rows.push(['FerretDB (MongoDB wire)', `mongodb://localhost:${i.ports.mongo.port}`, '']);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  console.log('');
  for (const r of rows) console.log(`  ${r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')}`);
  console.log('');
  const secrets = JSON.parse(fs.readFileSync(process.env.SECRETS_FILE ?? path.join(repoRoot, 'dev/secrets.json'), 'utf8')) as { admin?: { email: string; password: string } };
  if (secrets.admin && i.apps.some((s) => s.name === 'gateway')) {
    const gateway = i.apps.find((s) => s.name === 'gateway')!;
    const body = JSON.stringify({ email: secrets.admin.email, password: secrets.admin.password });
    console.log(`  administrator: ${secrets.admin.email} / ${secrets.admin.password} (from dev/secrets.json)`);
    console.log(`  log in:        curl -s -X POST http://localhost:${i.appPort(gateway)}/api/v1/auth/login -H 'content-type: application/json' -d '${body}'`);
  }
  console.log(`  logs: ${path.relative(repoRoot, path.join(i.stateDir, 'logs'))}/ and services/<name>/.dapr/logs/`);
  console.log(`  started in ${(i.startedMs / 1000).toFixed(1)}s; Ctrl-C stops everything.`);
  console.log('');
}
