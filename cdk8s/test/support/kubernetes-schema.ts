// Validates objects against the Kubernetes OpenAPI schema of the targeted release, taken from
// api/openapi-spec/swagger.json in the k8s.io/kubernetes module. Stricter than the API server in
// one way on purpose: unknown fields fail instead of being dropped, so typos cannot pass.
import fs from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { schemaModuleVersion } from '../../src/kubernetes-version.js';
import { goModuleFile } from './go-module.js';

type Schema = Record<string, unknown>;
interface Swagger { definitions: Record<string, Schema> }
interface Gvk { group: string; version: string; kind: string }

export interface KubernetesSchema {
  /** Errors for one object; empty when valid. Throws for a kind the release does not serve. */
  validate(obj: unknown): string[];
  knows(apiVersion: string, kind: string): boolean;
  /** Errors for an object's metadata (custom resources' schemas leave it open). */
  validateMetadata(metadata: unknown): string[];
}

let loaded: KubernetesSchema | undefined;

export function kubernetesSchema(): KubernetesSchema {
  loaded ??= load();
  return loaded;
}

function load(): KubernetesSchema {
  const file = goModuleFile('k8s.io/kubernetes', schemaModuleVersion, 'api/openapi-spec/swagger.json');
  const swagger = JSON.parse(fs.readFileSync(file, 'utf8')) as Swagger;
  const byKind = new Map<string, string>();
  for (const [name, def] of Object.entries(swagger.definitions)) {
    for (const gvk of (def['x-kubernetes-group-version-kind'] as Gvk[] | undefined) ?? []) {
      const apiVersion = gvk.group === '' ? gvk.version : `${gvk.group}/${gvk.version}`;
      // A kind also listed under meta/v1 (DeleteOptions...) keeps its first, real definition.
      if (!byKind.has(`${apiVersion}/${gvk.kind}`)) byKind.set(`${apiVersion}/${gvk.kind}`, name);
    }
  }
  const definitions = Object.fromEntries(Object.entries(swagger.definitions).map(([name, def]) => [name, strict(name, def)]));
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  ajv.addSchema({ definitions }, 'k8s');
  const validators = new Map<string, ValidateFunction>();

  const check = (definition: string, value: unknown) => {
    let validate = validators.get(definition);
    if (!validate) {
      validate = ajv.getSchema(`k8s#/definitions/${definition}`);
      if (!validate) throw new Error(`no schema for ${definition}`);
      validators.set(definition, validate);
    }
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  };
  return {
    knows: (apiVersion, kind) => byKind.has(`${apiVersion}/${kind}`),
    validateMetadata: (metadata) => check('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', metadata),
    validate(obj) {
      const { apiVersion, kind } = obj as { apiVersion: string; kind: string };
      const name = byKind.get(`${apiVersion}/${kind}`);
      if (!name) throw new Error(`Kubernetes ${schemaModuleVersion} serves no ${apiVersion} ${kind}`);
      return check(name, obj);
    },
  };
}

/** Swagger 2 leaves int-or-string and quantities as strings and objects open; make them what the API accepts. */
function strict(name: string, def: Schema): Schema {
  if (name === 'io.k8s.apimachinery.pkg.util.intstr.IntOrString') return { anyOf: [{ type: 'string' }, { type: 'integer' }] };
  if (name === 'io.k8s.apimachinery.pkg.api.resource.Quantity') return { anyOf: [{ type: 'string' }, { type: 'number' }] };
  return close(def);
}

function close(schema: Schema): Schema {
  const out: Schema = { ...schema };
  if (out.properties && out.additionalProperties === undefined && !out['x-kubernetes-preserve-unknown-fields']) {
    out.additionalProperties = false;
  }
  if (out.properties) {
    out.properties = Object.fromEntries(Object.entries(out.properties as Record<string, Schema>).map(([k, v]) => [k, close(v)]));
  }
  if (out.items) out.items = close(out.items as Schema);
  if (out.additionalProperties && typeof out.additionalProperties === 'object') out.additionalProperties = close(out.additionalProperties as Schema);
  return out;
}
