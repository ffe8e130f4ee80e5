// Validates Dapr resources against the CRDs that Dapr's own Helm chart installs, from the
// github.com/dapr/dapr module's charts/dapr/crds. Unknown fields fail, as in kubernetes-schema.ts.
import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { parseAllDocuments } from 'yaml';
import { daprVersion } from '../../src/kubernetes-version.js';
import { goModuleDir } from './go-module.js';

type Schema = Record<string, unknown>;
interface Crd {
  kind: string;
  spec: { group: string; names: { kind: string }; versions: { name: string; served: boolean; schema: { openAPIV3Schema: Schema } }[] };
}

export interface DaprCrds {
  readonly kinds: string[];
  validate(obj: unknown): string[];
  handles(apiVersion: string): boolean;
}

let loaded: DaprCrds | undefined;

export function daprCrds(): DaprCrds {
  loaded ??= load();
  return loaded;
}

function load(): DaprCrds {
  const dir = path.join(goModuleDir('github.com/dapr/dapr', `v${daprVersion}`), 'charts/dapr/crds');
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  const validators = new Map<string, ValidateFunction>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    for (const doc of parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8'))) {
      const crd = doc.toJS() as Crd | null;
      if (crd?.kind !== 'CustomResourceDefinition') continue;
      for (const v of crd.spec.versions.filter((x) => x.served)) {
        validators.set(`${crd.spec.group}/${v.name}/${crd.spec.names.kind}`, ajv.compile(close(v.schema.openAPIV3Schema, true)));
      }
    }
  }
  if (validators.size === 0) throw new Error(`no CRDs in ${dir}`);
  return {
    kinds: [...validators.keys()],
    handles: (apiVersion) => apiVersion.startsWith('dapr.io/'),
    validate(obj) {
      const { apiVersion, kind } = obj as { apiVersion: string; kind: string };
      const validate = validators.get(`${apiVersion}/${kind}`);
      if (!validate) throw new Error(`Dapr ${daprVersion} has no CRD for ${apiVersion} ${kind}`);
      return validate(obj) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
    },
  };
}

/** Closes objects with declared properties, except where the CRD keeps unknown fields. The root's metadata stays open. */
function close(schema: Schema, root = false): Schema {
  const out: Schema = { ...schema };
  if (out.properties) {
    if (out.additionalProperties === undefined && !out['x-kubernetes-preserve-unknown-fields']) out.additionalProperties = false;
    out.properties = Object.fromEntries(Object.entries(out.properties as Record<string, Schema>).map(([k, v]) => [k, root && k === 'metadata' ? v : close(v)]));
  }
  if (out.items) out.items = close(out.items as Schema);
  if (out.additionalProperties && typeof out.additionalProperties === 'object') out.additionalProperties = close(out.additionalProperties as Schema);
  return out;
}
