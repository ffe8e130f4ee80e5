// `npm run synth`: the plain manifests in dist/ and the Helm chart in charts/commercex, from one app.
import fs from 'node:fs';
import path from 'node:path';
import { commercexApp, repoRoot } from './app.js';
import { writeHelmChart } from './helm/helm-chart-writer.js';
import { targetKubernetes } from './kubernetes-version.js';
import { writeManifests } from './output/manifest-writer.js';
import { defaultSettings } from './settings.js';

const started = performance.now();
const namespace = 'commercex';
const app = commercexApp({ settings: defaultSettings, namespace });
const manifests = writeManifests(app, path.join(repoRoot, 'dist'));
const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'cdk8s/package.json'), 'utf8')) as { version: string };
const chart = writeHelmChart(app, {
  outDir: path.join(repoRoot, 'charts/commercex'),
  name: 'commercex',
  description: 'CommerceX: TypeScript microservices on Dapr (generated from cdk8s/, never edited by hand)',
  version,
  appVersion: defaultSettings.image.tag,
  settings: defaultSettings,
  plainNamespace: namespace,
  kubeVersion: `>=${targetKubernetes}.0-0`,
});
const ms = Math.round(performance.now() - started);
console.log(`synth: dist/ (${manifests.length} files) and charts/commercex (${chart.length} files) for Kubernetes ${targetKubernetes} in ${ms} ms`);
