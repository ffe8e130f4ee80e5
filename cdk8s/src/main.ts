// `npm run synth`: the plain manifests in dist/ and the Helm chart in charts/commercex, from one app.
import path from 'node:path';
import { repoRoot } from './app.js';
import { targetKubernetes } from './kubernetes-version.js';
import { synthesize } from './synth.js';

const started = performance.now();
const out = synthesize({ dist: path.join(repoRoot, 'dist'), chart: path.join(repoRoot, 'charts/commercex') });
const ms = Math.round(performance.now() - started);
console.log(`synth: dist/ (${out.manifests.length} files) and charts/commercex (${out.chart.length} files) for Kubernetes ${targetKubernetes} in ${ms} ms`);
