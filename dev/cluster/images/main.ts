// `npx tsx dev/cluster/images/main.ts [names...]`: starts the registry (.cluster/registry) and builds and pushes the images.
import fs from 'node:fs';
import path from 'node:path';
import { startRegistry } from '../registry.js';
import { buildImages, repoRoot } from './build-images.js';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log('usage: npx tsx dev/cluster/images/main.ts [name ...]   (default: every image; CLUSTER_REGISTRY_PORT moves the registry from 5000)');
  process.exit(0);
}

const started = performance.now();
const outputFile = path.join(repoRoot, '.cluster', 'images.json');
try {
  const registry = await startRegistry({ dataDir: path.join(repoRoot, '.cluster', 'registry') });
  console.error(`[images] registry ${registry.started ? 'started' : 'running'} on ${registry.address} (log: ${registry.logFile})`);
  const refs = await buildImages({ registry: registry.address, ...(args.length > 0 ? { only: args } : {}) });
  // The cluster keeps more images in this file (the Dapr control plane, CoreDNS): only what was built here changes.
  const known = fs.existsSync(outputFile) ? (JSON.parse(fs.readFileSync(outputFile, 'utf8')) as Record<string, string>) : {};
  fs.mkdirSync(path.dirname(outputFile), { recursive: true });
  fs.writeFileSync(outputFile, `${JSON.stringify({ ...known, ...refs }, null, 2)}\n`);
  console.error(`[images] ${Object.keys(refs).length} images ready in ${((performance.now() - started) / 1000).toFixed(1)} s; references in ${outputFile}`);
} catch (err) {
  console.error(`[images] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
