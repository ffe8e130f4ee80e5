// The whole output of the app: plain manifests and the Helm chart, written where the caller says.
import fs from 'node:fs';
import path from 'node:path';
import { commercexApp, repoRoot } from './app.js';
import { writeHelmChart } from './helm/helm-chart-writer.js';
import { targetKubernetes } from './kubernetes-version.js';
import { writeManifests } from './output/manifest-writer.js';
import { defaultSettings } from './settings.js';

export const plainNamespace = 'commercex';

export interface SynthOutput {
  readonly manifests: string[];
  readonly chart: string[];
}

export function synthesize(dirs: { readonly dist: string; readonly chart: string }): SynthOutput {
  const app = commercexApp({ settings: defaultSettings, namespace: plainNamespace });
  const manifests = writeManifests(app, dirs.dist);
  const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'cdk8s/package.json'), 'utf8')) as { version: string };
  const chart = writeHelmChart(app, {
    outDir: dirs.chart,
    name: 'commercex',
    description: 'CommerceX: TypeScript microservices on Dapr (generated from cdk8s/, never edited by hand)',
    version,
    appVersion: defaultSettings.image.tag,
    settings: defaultSettings,
    plainNamespace,
    kubeVersion: `>=${targetKubernetes}.0-0`,
  });
  return { manifests, chart };
}
