// Writes charts/commercex from the same app as dist/: one template per cdk8s chart, values.yaml
// from the deploy settings, and a values schema that rejects misspelt or mistyped overrides.
import fs from 'node:fs';
import path from 'node:path';
import { ApiObject, Chart, type App } from 'cdk8s';
import { Document, isPair, isMap, stringify } from 'yaml';
import { generatedHeader } from '../output/manifest-writer.js';
import { settingDescriptions, type DeploySettings } from '../settings.js';
import { renderConditions } from './helm-bindings.js';
import { renderTemplate } from './template-renderer.js';
import { valuesSchema } from './values-schema.js';

export interface HelmChartOptions {
  readonly outDir: string;
  readonly name: string;
  readonly version: string;
  readonly appVersion: string;
  readonly description: string;
  /** Must be the settings the app was built with; they become values.yaml. */
  readonly settings: DeploySettings;
  /** The namespace the app was built with, replaced by the release's. */
  readonly plainNamespace: string;
  /** Kubernetes versions the manifests are valid for, as a semver range. */
  readonly kubeVersion: string;
}

export function writeHelmChart(app: App, o: HelmChartOptions): string[] {
  const s = o.settings;
  const off = (['kafka', 'mongodb', 'redis', 'tracing', 'paymentProvider'] as const).filter((k) => !s[k].enabled);
  if (off.length > 0 || !s.autoscaling.enabled || !s.connections.create || !s.secrets.create) {
    throw new Error(`the chart must be generated with every optional part on, so values can switch them off (off: ${off.join(', ') || 'autoscaling, connections or secrets'})`);
  }
  fs.rmSync(o.outDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(o.outDir, 'templates'), { recursive: true });
  const write = (file: string, text: string) => fs.writeFileSync(path.join(o.outDir, file), text);

  write('Chart.yaml', generatedHeader + stringify({
    apiVersion: 'v2', name: o.name, description: o.description, type: 'application',
    version: o.version, appVersion: o.appVersion, kubeVersion: o.kubeVersion,
  }));
  write('values.yaml', generatedHeader + '# values.schema.json rejects unknown keys and wrong types.\n' + documentedValues(s));
  write('values.schema.json', JSON.stringify(valuesSchema(s), null, 2) + '\n');

  const written = ['Chart.yaml', 'values.yaml', 'values.schema.json'];
  app.charts.forEach((chart, index) => {
    const templates = apiObjectsOf(chart)
      .filter((obj) => !renderConditions(obj).includes('false'))
      .map((obj) => renderTemplate(obj, o.plainNamespace));
    if (templates.length === 0) return;
    const file = `templates/${String(index).padStart(2, '0')}-${chart.node.id}.yaml`;
    write(file, generatedHeader + templates.join(''));
    written.push(file);
  });
  write('templates/NOTES.txt', notes);
  written.push('templates/NOTES.txt');
  return written;
}

function documentedValues(s: DeploySettings): string {
  const doc = new Document(s);
  if (!isMap(doc.contents)) throw new Error('settings must be a map');
  for (const pair of doc.contents.items) {
    if (isPair(pair) && pair.key && typeof pair.key === 'object' && 'value' in pair.key) {
      const description = settingDescriptions[String(pair.key.value) as keyof DeploySettings];
      (pair.key as { commentBefore?: string }).commentBefore = ` ${description}`;
    }
  }
  return doc.toString({ lineWidth: 0 });
}

/** The objects cdk8s would synthesize for the chart, as constructs so their Helm marks can be read. */
function apiObjectsOf(chart: Chart): ApiObject[] {
  chart.toJson(); // resolves dependencies and runs validations, as a synth does
  return chart.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject && Chart.of(c) === chart);
}

const notes = `CommerceX is installed in namespace {{ .Release.Namespace }}.

The gateway is the public entry:
  kubectl -n {{ .Release.Namespace }} port-forward svc/gateway 8080:8080
{{- if .Values.tracing.enabled }}
Traces (Jaeger UI):
  kubectl -n {{ .Release.Namespace }} port-forward svc/jaeger 16686:16686
{{- end }}
{{- if not (and .Values.kafka.enabled .Values.mongodb.enabled .Values.redis.enabled) }}
Some in-cluster dependencies are off: the "connections" secret must point at the managed services.
{{- end }}
`;
