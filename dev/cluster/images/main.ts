// `npx tsx dev/cluster/images/main.ts [names...] [--ref-to FILE]`: starts the registry (.cluster/registry) and builds
// and pushes the images. `--ref-to` writes the one image's reference to FILE: Tilt's custom_build on the local cluster
// deploys what it reads there (outputs_image_ref_to), so the content tag, not a timestamp, decides what is rebuilt.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startRegistry } from '../registry.js';
import { buildImages, repoRoot } from './build-images.js';

const usage = 'usage: npx tsx dev/cluster/images/main.ts [name ...] [--ref-to FILE]   (default: every image; CLUSTER_REGISTRY_PORT moves the registry from 5000)';
const { values, positionals: names } = parseArgs({ allowPositionals: true, options: { 'ref-to': { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const refTo = values['ref-to'];
if (refTo !== undefined && names.length !== 1) {
  console.error(`[images] --ref-to takes exactly one image name\n${usage}`);
  process.exit(2);
}

const started = performance.now();
const outputFile = path.join(repoRoot, '.cluster', 'images.json');
try {
  const registry = await startRegistry({ dataDir: path.join(repoRoot, '.cluster', 'registry') });
  console.error(`[images] registry ${registry.started ? 'started' : 'running'} on ${registry.address} (log: ${registry.logFile})`);
  const refs = await buildImages({ registry: registry.address, ...(names.length > 0 ? { only: names } : {}) });
  // The cluster keeps more images in this file (the Dapr control plane, CoreDNS): only what was built here changes.
  const known = fs.existsSync(outputFile) ? (JSON.parse(fs.readFileSync(outputFile, 'utf8')) as Record<string, string>) : {};
  fs.mkdirSync(path.dirname(outputFile), { recursive: true });
  fs.writeFileSync(outputFile, `${JSON.stringify({ ...known, ...refs }, null, 2)}\n`);
  if (refTo !== undefined) {
    fs.mkdirSync(path.dirname(path.resolve(refTo)), { recursive: true });
    fs.writeFileSync(refTo, `${refs[names[0]!]!}\n`);
  }
  console.error(`[images] ${Object.keys(refs).length} images ready in ${((performance.now() - started) / 1000).toFixed(1)} s; references in ${outputFile}`);
} catch (err) {
  console.error(`[images] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
