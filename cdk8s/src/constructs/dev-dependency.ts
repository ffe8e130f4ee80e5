// A single-replica backing service for development clusters (Kafka, MongoDB, Redis, tracing).
// Its data lives as long as its pod: production points at managed services instead.
import { ApiObject, Duration } from 'cdk8s';
import {
  Deployment, DeploymentStrategy, EnvValue, ImagePullPolicy, LabelSelector, Probe, Service, Volume,
} from 'cdk8s-plus-34';
import { Construct } from 'constructs';
import type { ResourceSettings } from '../settings.js';
import { addPodSeccomp, containerSecurity, podSecurity } from './hardening.js';
import { dropAddressLabel, selectorLabels, standardLabels } from './labels.js';
import { containerResources } from './quantities.js';

export interface DevDependencyPort {
  readonly name: string;
  readonly port: number;
}

export interface DevDependencyProps {
  /** Name of the Deployment, the Service and the container; also the host name clients use. */
  readonly name: string;
  readonly image: string;
  /** Served ports; the first one is probed for readiness. */
  readonly ports: readonly DevDependencyPort[];
  /** The image's own non-root user. */
  readonly user: number;
  /** @default the image's entrypoint arguments */
  readonly args?: readonly string[];
  /** @default none */
  readonly env?: Readonly<Record<string, string>>;
  /** Writable directories, each an emptyDir. @default ['/tmp'] */
  readonly writablePaths?: readonly string[];
  /** @default requests 100m CPU / 256Mi, limits 1 CPU / 512Mi */
  readonly resources?: ResourceSettings;
}

export class DevDependency extends Construct {
  readonly deployment: Deployment;
  readonly service: Service;

  constructor(scope: Construct, id: string, props: DevDependencyProps) {
    super(scope, id);
    const firstPort = props.ports[0];
    if (!firstPort) throw new Error(`DevDependency ${props.name}: needs at least one port`);
    if (!Number.isInteger(props.user) || props.user < 1) throw new Error(`DevDependency ${props.name}: user must be a non-root uid`);
    const labels = standardLabels(props.name, 'dependency');
    const selector = selectorLabels(props.name);
    const paths = props.writablePaths ?? ['/tmp'];

    this.deployment = new Deployment(this, 'deployment', {
      metadata: { name: props.name, labels },
      podMetadata: { labels },
      select: false,
      replicas: 1,
      // One broker or database owns its data directory: never two at once.
      strategy: DeploymentStrategy.recreate(),
      securityContext: podSecurity(props.user),
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      terminationGracePeriod: Duration.seconds(30),
    });
    this.deployment.select(LabelSelector.of({ labels: selector }));
    this.deployment.addContainer({
      name: props.name,
      image: props.image,
      imagePullPolicy: ImagePullPolicy.IF_NOT_PRESENT,
      args: props.args ? [...props.args] : undefined,
      ports: props.ports.map((p) => ({ name: p.name, number: p.port })),
      envVariables: Object.fromEntries(Object.entries(props.env ?? {}).map(([k, v]) => [k, EnvValue.fromValue(v)])),
      readiness: Probe.fromTcpSocket({ port: firstPort.port, periodSeconds: Duration.seconds(5) }),
      resources: containerResources(props.resources ?? { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } }),
      // Third-party images write beside their binaries; a writable root is the price of using them unchanged.
      securityContext: containerSecurity(props.user, false),
      volumeMounts: paths.map((path, i) => ({ path, volume: Volume.fromEmptyDir(this, `data-${i}`, `data-${i}`) })),
    });
    const workload = ApiObject.of(this.deployment);
    addPodSeccomp(workload);
    dropAddressLabel(workload);

    this.service = new Service(this, 'service', {
      metadata: { name: props.name, labels },
      ports: props.ports.map((p) => ({ name: p.name, port: p.port, targetPort: p.port })),
    });
    for (const [key, value] of Object.entries(selector)) this.service.selectLabel(key, value);
  }
}
