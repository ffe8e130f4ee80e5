// The labels every object carries; `app.kubernetes.io/name` is also how pods are selected.
import { JsonPatch, type ApiObject } from 'cdk8s';
export const nameLabel = 'app.kubernetes.io/name';

export function standardLabels(name: string, component: string): Record<string, string> {
  return {
    [nameLabel]: name,
    'app.kubernetes.io/part-of': 'commercex',
    'app.kubernetes.io/component': component,
  };
}

/** The label selector of one workload's pods. */
export function selectorLabels(name: string): Record<string, string> {
  return { [nameLabel]: name, 'app.kubernetes.io/part-of': 'commercex' };
}

/** Nothing selects on cdk8s' generated address label; it would only add a hash to every pod. */
export function dropAddressLabel(workload: ApiObject): void {
  workload.addJsonPatch(JsonPatch.remove('/spec/template/metadata/labels/cdk8s.io~1metadata.addr'));
}
