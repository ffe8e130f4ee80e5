// Security contexts that satisfy the Kubernetes "restricted" Pod Security Standard.
import { JsonPatch, type ApiObject } from 'cdk8s';
import { Capability, SeccompProfileType, type ContainerSecurityContextProps, type PodSecurityContextProps } from 'cdk8s-plus-34';

export function containerSecurity(user: number, readOnlyRootFilesystem = true): ContainerSecurityContextProps {
  return {
    ensureNonRoot: true,
    user,
    group: user,
    readOnlyRootFilesystem,
    allowPrivilegeEscalation: false,
    privileged: false,
    capabilities: { drop: [Capability.ALL] },
    seccompProfile: { type: SeccompProfileType.RUNTIME_DEFAULT },
  };
}

export function podSecurity(user: number): PodSecurityContextProps {
  return { ensureNonRoot: true, user, group: user, fsGroup: user };
}

/** Pod-level seccomp, so containers added later (the daprd sidecar) get it too; cdk8s-plus has no prop for it. */
export function addPodSeccomp(workload: ApiObject): void {
  workload.addJsonPatch(JsonPatch.add('/spec/template/spec/securityContext/seccompProfile', { type: 'RuntimeDefault' }));
}
