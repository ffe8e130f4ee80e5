// Marks on the construct tree that say how the Helm chart differs from the plain manifests:
// which fields come from values, and which objects render only under a condition.
// The plain synth ignores them; the Helm writer turns them into template expressions.
import type { ApiObject } from 'cdk8s';
import type { IConstruct } from 'constructs';

const valueMark = 'commercex:helm-value';
const conditionMark = 'commercex:helm-condition';

export interface ValueBinding {
  /** JSON pointer of the field in the object's manifest (RFC 6901). */
  readonly pointer: string;
  /** A Helm template pipeline whose output is valid YAML for that field, e.g. `.Values.replicas | toJson`. */
  readonly expression: string;
  /** The field is rendered only while this pipeline is true. */
  readonly when?: string;
}

/** In the Helm chart, render the field at `pointer` of `obj` from `expression`. */
export function bindValue(obj: ApiObject, binding: ValueBinding): void {
  if (!binding.pointer.startsWith('/')) throw new Error(`a value binding needs a JSON pointer, got ${binding.pointer}`);
  obj.node.addMetadata(valueMark, binding);
}

/** In the Helm chart, render every object under `scope` only while `condition` holds; `false` leaves them out. */
export function renderOnlyIf(scope: IConstruct, condition: string): void {
  scope.node.addMetadata(conditionMark, condition);
}

export function valueBindings(obj: ApiObject): ValueBinding[] {
  return obj.node.metadata.filter((m) => m.type === valueMark).map((m) => m.data as ValueBinding);
}

/** Conditions of the object and of every scope above it, outermost first. */
export function renderConditions(obj: IConstruct): string[] {
  return obj.node.scopes.flatMap((s) => s.node.metadata.filter((m) => m.type === conditionMark).map((m) => m.data as string));
}

/** `.Values.<path>` as a YAML string, whatever type `--set` gave it. */
export function stringValue(path: string): string {
  return `.Values.${path} | toString | toJson`;
}

/** `.Values.<path>` as YAML (numbers, booleans, maps). */
export function jsonValue(path: string): string {
  return `.Values.${path} | toJson`;
}
