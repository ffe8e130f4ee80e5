// Default-deny for one Dapr service's pods, then exactly the traffic it needs.
import { k8s } from 'cdk8s-plus-34';
import { Construct } from 'constructs';
import { nameLabel } from './labels.js';

/** daprd's internal gRPC port: sidecar-to-sidecar service invocation. */
export const daprInternalGrpcPort = 50002;

export interface ServiceNetworkPolicyProps {
  readonly name: string;
  /** Labels of the pods the policy applies to. */
  readonly podLabels: Record<string, string>;
  /** Labels of the policy itself. @default none */
  readonly labels?: Record<string, string>;
  readonly appPort: number;
  readonly sidecarMetricsPort: number;
  /** Accept the app port from anywhere: the public entry. @default false */
  readonly public?: boolean;
  /** App ids whose sidecars may invoke this service. @default none */
  readonly invokedBy?: readonly string[];
  /** App ids this service invokes. @default none */
  readonly invokes?: readonly string[];
  /** TCP ports of backing services, in or out of the cluster (Kafka, MongoDB, Redis, OTLP, the API server). @default none */
  readonly egressPorts?: readonly number[];
  /** @default 'dapr-system' */
  readonly daprNamespace?: string;
  /** Namespace whose pods may scrape metrics. @default 'monitoring' */
  readonly metricsNamespace?: string;
}

export class ServiceNetworkPolicy extends Construct {
  readonly apiObject: k8s.KubeNetworkPolicy;

  constructor(scope: Construct, id: string, props: ServiceNetworkPolicyProps) {
    super(scope, id);
    const ports = [props.appPort, props.sidecarMetricsPort, ...(props.egressPorts ?? [])];
    for (const port of ports) {
      if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${props.name}: ${port} is not a port`);
    }
    const invokedBy = [...(props.invokedBy ?? [])];
    const invokes = [...(props.invokes ?? [])];
    const egressPorts = [...new Set(props.egressPorts ?? [])].sort((a, b) => a - b);
    const namespace = (name: string): k8s.NetworkPolicyPeer => ({
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } },
    });
    const apps = (ids: string[]): k8s.NetworkPolicyPeer => ({
      podSelector: { matchExpressions: [{ key: nameLabel, operator: 'In', values: ids }] },
    });
    const tcp = (port: number): k8s.NetworkPolicyPort => ({ protocol: 'TCP', port: k8s.IntOrString.fromNumber(port) });

    const ingress: k8s.NetworkPolicyIngressRule[] = [];
    if (props.public) ingress.push({ ports: [tcp(props.appPort)] });
    if (invokedBy.length > 0) ingress.push({ from: [apps(invokedBy)], ports: [tcp(daprInternalGrpcPort)] });
    ingress.push({
      from: [namespace(props.metricsNamespace ?? 'monitoring')],
      ports: [tcp(props.sidecarMetricsPort), tcp(props.appPort)],
    });

    const egress: k8s.NetworkPolicyEgressRule[] = [
      {
        ports: [
          { protocol: 'UDP', port: k8s.IntOrString.fromNumber(53) },
          { protocol: 'TCP', port: k8s.IntOrString.fromNumber(53) },
        ],
      },
      // Sentry, operator, placement and scheduler; their ports move between Dapr releases.
      { to: [namespace(props.daprNamespace ?? 'dapr-system')] },
    ];
    if (invokes.length > 0) egress.push({ to: [apps(invokes)], ports: [tcp(daprInternalGrpcPort)] });
    // Backing services may be managed outside the cluster, so they are admitted by port, not by address.
    if (egressPorts.length > 0) egress.push({ ports: egressPorts.map(tcp) });

    this.apiObject = new k8s.KubeNetworkPolicy(this, 'resource', {
      metadata: { name: props.name, labels: props.labels },
      spec: { podSelector: { matchLabels: props.podLabels }, policyTypes: ['Ingress', 'Egress'], ingress, egress },
    });
  }
}
