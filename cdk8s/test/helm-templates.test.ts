// The pieces that turn synthesized objects into Helm templates, without helm.
import { ApiObject, Chart, Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { bindValue, renderOnlyIf } from '../src/helm/helm-bindings.js';
import { setByPointer } from '../src/helm/json-pointer.js';
import { renderTemplate } from '../src/helm/template-renderer.js';
import { valuesSchema } from '../src/helm/values-schema.js';

describe('JSON pointers with named list items', () => {
  it('when a segment is [name=x], then the list item named x is the one set', () => {
    const doc = { spec: { containers: [{ name: 'a', image: 'a:1' }, { name: 'app', image: 'app:1', 'dapr.io/x': 1 }] } };
    setByPointer(doc, '/spec/containers/[name=app]/image', 'app:2');
    setByPointer(doc, '/spec/containers/1/dapr.io~1x', 2);
    expect(doc.spec.containers[1]).toEqual({ name: 'app', image: 'app:2', 'dapr.io/x': 2 });
  });

  it('when nothing is at the pointer, then it fails instead of writing elsewhere', () => {
    expect(() => setByPointer({ spec: { containers: [] } }, '/spec/containers/[name=app]/image', 'x')).toThrow(/no list item/);
    expect(() => setByPointer({ spec: {} }, '/spec/template/spec', 'x')).toThrow(/nothing at template/);
  });
});

describe('template rendering', () => {
  const object = () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'plain' });
    return new ApiObject(chart, 'o', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'o' }, data: { level: 'info' } });
  };

  it('when a field is bound, then the template renders it from values, and the plain namespace from the release', () => {
    const obj = object();
    bindValue(obj, { pointer: '/data/level', expression: '.Values.logLevel | toJson' });
    expect(renderTemplate(obj, 'plain')).toBe([
      '---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: o', '  namespace: {{ .Release.Namespace | toJson }}',
      'data:', '  level: {{ .Values.logLevel | toJson }}', '',
    ].join('\n'));
  });

  it('when a field or an object is conditional, then only that line or that document is wrapped', () => {
    const obj = object();
    bindValue(obj, { pointer: '/data/extra', expression: '.Values.extra | toJson', when: '.Values.withExtra' });
    renderOnlyIf(obj.node.scope!, '.Values.enabled');
    const text = renderTemplate(obj, 'plain');
    expect(text.startsWith('{{- if .Values.enabled }}\n---\n')).toBe(true);
    expect(text).toContain('{{- if .Values.withExtra }}\n  extra: {{ .Values.extra | toJson }}\n{{- end }}');
    expect(text.endsWith('{{- end }}\n')).toBe(true);
  });
});

describe('values schema', () => {
  it('when derived from the defaults, then it allows exactly their keys, with their types', () => {
    expect(valuesSchema({ a: { b: 1, c: true, d: 's' } })).toEqual({
      $schema: 'https://json-schema.org/draft-07/schema#',
      type: 'object', additionalProperties: false, required: ['a'],
      properties: { a: { type: 'object', additionalProperties: false, required: ['b', 'c', 'd'], properties: {
        b: { type: 'integer', minimum: 0 }, c: { type: 'boolean' }, d: { type: ['string', 'number'] },
      } } },
    });
  });
});
