// Turns one synthesized object into a Helm template: bound fields become template expressions,
// the plain namespace becomes the release's, and conditions wrap fields or the whole document.
import type { ApiObject } from 'cdk8s';
import { toYamlDocuments } from '../output/manifest-writer.js';
import { renderConditions, valueBindings, type ValueBinding } from './helm-bindings.js';
import { setByPointer } from './json-pointer.js';

const tokenPattern = /(["']?)HELMVALUE(\d+)X\1/g;

export function renderTemplate(obj: ApiObject, plainNamespace: string): string {
  const json = obj.toJson() as Record<string, unknown>;
  const slots: ValueBinding[] = [];
  const token = (binding: ValueBinding) => `HELMVALUE${slots.push(binding) - 1}X`;

  replaceNamespaces(json, plainNamespace, () => token({ pointer: '', expression: '.Release.Namespace | toJson' }));
  for (const binding of valueBindings(obj)) setByPointer(json, binding.pointer, token(binding));

  const lines = toYamlDocuments([json]).split('\n').flatMap((line) => {
    const whens = [...line.matchAll(tokenPattern)].map((m) => slots[Number(m[2])]!.when).filter((w) => w !== undefined);
    const rendered = line.replace(tokenPattern, (_all, _quote, n: string) => `{{ ${slots[Number(n)]!.expression} }}`);
    return whens.length === 0 ? [rendered] : [...whens.map((w) => `{{- if ${w} }}`), rendered, ...whens.map(() => '{{- end }}')];
  });
  const body = lines.join('\n').trimEnd();
  if (body.includes('HELMVALUE')) throw new Error(`${obj.node.path}: a bound value was not rendered`);

  const conditions = renderConditions(obj);
  return [...conditions.map((c) => `{{- if ${c} }}`), '---', body, ...conditions.map(() => '{{- end }}')].join('\n') + '\n';
}

/** Every `namespace` field holding the plain namespace (metadata, RBAC subjects, Dapr access policies). */
function replaceNamespaces(node: unknown, plainNamespace: string, token: () => string): void {
  if (Array.isArray(node)) {
    node.forEach((item) => replaceNamespaces(item, plainNamespace, token));
  } else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    for (const [key, value] of Object.entries(record)) {
      if (key === 'namespace' && value === plainNamespace) record[key] = token();
      else replaceNamespaces(value, plainNamespace, token);
    }
  }
}
