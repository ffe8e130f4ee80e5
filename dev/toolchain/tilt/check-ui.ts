// Run by tilt as a local resource: fetches tilt's own web UI, then writes what it got to the file named in argv.
import fs from 'node:fs';

const [report] = process.argv.slice(2);
const base = `http://${process.env.TILT_HOST ?? 'localhost'}:${process.env.TILT_PORT ?? ''}`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const index = await fetch(`${base}/`).then((r) => r.text());
const script = /<script[^>]*src="\/?(static\/js\/main\.\w+\.js)"/.exec(index)?.[1];
if (!script) fail(`${base}/ served no tilt UI page:\n${index.slice(0, 400)}`);
const bundle = await fetch(`${base}/${script}`);
const body = await bundle.text();
if (!bundle.ok || !/javascript/.test(bundle.headers.get('content-type') ?? '') || body.length < 10_000) {
  fail(`${base}/${script} answered ${bundle.status} ${bundle.headers.get('content-type')} with ${body.length} bytes`);
}
if (report) fs.writeFileSync(report, `serves its web UI (${script}, ${Math.round(body.length / 1024)} KiB)\n`);
