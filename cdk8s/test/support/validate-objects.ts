// One validation for any synthesized or rendered object: Kubernetes kinds against the targeted
// release's OpenAPI schema, Dapr kinds against Dapr's CRDs (and their metadata against ObjectMeta).
import { daprCrds } from './dapr-crds.js';
import { kubernetesSchema } from './kubernetes-schema.js';

export function schemaErrors(obj: { apiVersion: string; kind: string; metadata: unknown }): string[] {
  if (daprCrds().handles(obj.apiVersion)) return [...daprCrds().validate(obj), ...kubernetesSchema().validateMetadata(obj.metadata)];
  return kubernetesSchema().validate(obj);
}

/** `kind/name: error` lines for every invalid object, for one readable assertion. */
export function invalidObjects(objects: readonly { apiVersion: string; kind: string; metadata: { name: string } }[]): string[] {
  return objects.flatMap((o) => schemaErrors(o).map((e) => `${o.kind}/${o.metadata.name}: ${e}`));
}
