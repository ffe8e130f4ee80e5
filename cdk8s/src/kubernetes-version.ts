// The Kubernetes release the manifests are written for: cdk8s-plus-34's API, validated in the tests
// against the OpenAPI schema of k8s.io/kubernetes at `schemaModuleVersion`.
export const targetKubernetes = '1.34';
export const schemaModuleVersion = 'v1.34.4';
/** Dapr release whose control plane the manifests expect; its CRDs validate components/kubernetes. */
export const daprVersion = '1.18.3';
