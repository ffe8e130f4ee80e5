// Synthesizes the app once per set of options and indexes its objects for assertions.
import { Testing } from 'cdk8s';
import { commercexApp, type CommercexAppOptions } from '../../src/app.js';

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec?: any;
  [key: string]: unknown;
}

export interface Synthesized {
  readonly all: K8sObject[];
  readonly byChart: Map<string, K8sObject[]>;
  get(kind: string, name: string): K8sObject;
  find(kind: string, name: string): K8sObject | undefined;
}

export function synth(options: CommercexAppOptions = {}): Synthesized {
  const app = commercexApp(options);
  const byChart = new Map(app.charts.map((c) => [c.node.id, Testing.synth(c) as K8sObject[]]));
  const all = [...byChart.values()].flat();
  const find = (kind: string, name: string) => all.find((o) => o.kind === kind && o.metadata.name === name);
  return {
    all,
    byChart,
    find,
    get(kind, name) {
      const found = find(kind, name);
      if (!found) throw new Error(`no ${kind} ${name}`);
      return found;
    },
  };
}
