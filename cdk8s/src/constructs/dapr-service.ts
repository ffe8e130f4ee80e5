// One CommerceX service on Kubernetes: the app container with a Dapr sidecar, and everything that
// keeps it available, bounded and isolated.
import { ApiObject, Duration, JsonPatch, Size } from 'cdk8s';
import {
  Deployment, DeploymentStrategy, EnvValue, HorizontalPodAutoscaler, ImagePullPolicy, LabelSelector, Metric, MetricTarget,
  PercentOrAbsolute, Pods, Probe, Secret, Service, ServiceAccount, Topology, Volume, k8s,
} from 'cdk8s-plus-34';
import { Construct } from 'constructs';
import type { ResourceSettings } from '../settings.js';
import { daprAnnotations } from './dapr-annotations.js';
import { containerResources } from './quantities.js';
import { addPodSeccomp, containerSecurity, podSecurity } from './hardening.js';
import { dropAddressLabel, selectorLabels, standardLabels } from './labels.js';
import { ServiceNetworkPolicy, type ServiceNetworkPolicyProps } from './service-network-policy.js';

export interface DaprServiceAutoscaling {
  readonly minReplicas: number;
  readonly maxReplicas: number;
  /** Target average use of the app container's CPU request, percent. */
  readonly targetCpuUtilization: number;
  readonly targetMemoryUtilization: number;
}

export type DaprServiceNetwork = Omit<ServiceNetworkPolicyProps, 'name' | 'labels' | 'podLabels' | 'appPort' | 'sidecarMetricsPort'>;

export interface DaprServiceProps {
  /** Dapr app id, and the name of every object this construct creates. */
  readonly appId: string;
  /** Port the app listens on; it serves GET /health, /ready and /metrics there. */
  readonly appPort: number;
  readonly image: string;
  /** @default ImagePullPolicy.IF_NOT_PRESENT */
  readonly imagePullPolicy?: ImagePullPolicy;
  /** Replicas while there is no autoscaler. @default 2 */
  readonly replicas?: number;
  /** `false` for a fixed replica count. @default 2 to 6 replicas at 70% CPU and 80% memory */
  readonly autoscaling?: DaprServiceAutoscaling | false;
  /** The app container. @default requests 100m CPU / 128Mi, limits 500m / 256Mi */
  readonly resources?: ResourceSettings;
  /** The daprd sidecar, through Dapr's annotations. @default requests 50m CPU / 64Mi, limits 300m / 256Mi */
  readonly sidecarResources?: ResourceSettings;
  /** @default 'info' */
  readonly sidecarLogLevel?: string;
  /** Name of the Dapr Configuration the sidecar loads. @default the app id */
  readonly daprConfig?: string;
  /** Secret with key `token` that the sidecar requires from the app. @default 'dapr-api-token' */
  readonly apiTokenSecret?: string;
  /** Secret with key `token` that the sidecar presents to the app. @default 'app-api-token' */
  readonly appTokenSecret?: string;
  /** Environment beside SERVICE_NAME, APP_PORT, OTEL_SERVICE_NAME and the two tokens, which are always set. @default none */
  readonly env?: Readonly<Record<string, EnvValue>>;
  /** Seconds daprd drains in-flight work on shutdown. @default 20 */
  readonly daprGracefulShutdownSeconds?: number;
  /**
   * Seconds a terminating pod keeps serving (the app's preStop sleep, daprd's block-shutdown-duration) while the
   * endpoints and DNS answers that still name it are withdrawn; callers sent there meanwhile are answered. @default 10
   */
  readonly drainSeconds?: number;
  /** Must exceed drainSeconds + daprGracefulShutdownSeconds, or the kubelet kills daprd mid-drain. @default their sum + 10 */
  readonly terminationGracePeriodSeconds?: number;
  /** Who may reach it and what it may reach. @default private, invoked by nobody, invoking nobody */
  readonly network?: DaprServiceNetwork;
}

const appUser = 1000; // the `node` user of the node image
const sidecarMetricsPort = 9090;
const defaultResources: ResourceSettings = { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } };
const defaultSidecarResources: ResourceSettings = { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '300m', memory: '256Mi' } };
const defaultAutoscaling: DaprServiceAutoscaling = { minReplicas: 2, maxReplicas: 6, targetCpuUtilization: 70, targetMemoryUtilization: 80 };

export class DaprService extends Construct {
  readonly appId: string;
  readonly deployment: Deployment;
  readonly service: Service;
  readonly serviceAccount: ServiceAccount;
  readonly autoscaler?: HorizontalPodAutoscaler;
  readonly disruptionBudget: k8s.KubePodDisruptionBudget;
  readonly networkPolicy: ServiceNetworkPolicy;

  constructor(scope: Construct, id: string, props: DaprServiceProps) {
    super(scope, id);
    const p = checked(props);
    this.appId = p.appId;
    const labels = standardLabels(p.appId, 'service');
    const selector = selectorLabels(p.appId);

    this.serviceAccount = new ServiceAccount(this, 'service-account', {
      metadata: { name: p.appId, labels },
      // daprd's Kubernetes secret store reads through the pod's service account.
      automountToken: true,
    });

    this.deployment = new Deployment(this, 'deployment', {
      metadata: { name: p.appId, labels },
      podMetadata: { labels, annotations: daprAnnotations({ ...p, config: p.daprConfig, logLevel: p.sidecarLogLevel, gracefulShutdownSeconds: p.daprGracefulShutdownSeconds, blockShutdownSeconds: p.drainSeconds, metricsPort: sidecarMetricsPort }) },
      select: false,
      // With an autoscaler the HPA owns the count; a fixed one would reset it on every apply.
      replicas: p.autoscaling ? undefined : p.replicas,
      strategy: DeploymentStrategy.rollingUpdate({ maxSurge: PercentOrAbsolute.percent(25), maxUnavailable: PercentOrAbsolute.absolute(0) }),
      serviceAccount: this.serviceAccount,
      automountServiceAccountToken: true,
      securityContext: podSecurity(appUser),
      terminationGracePeriod: Duration.seconds(p.terminationGracePeriodSeconds),
      enableServiceLinks: false,
    });
    this.deployment.select(LabelSelector.of({ labels: selector }));
    const container = this.deployment.addContainer({
      name: 'app',
      image: p.image,
      imagePullPolicy: p.imagePullPolicy,
      ports: [{ number: p.appPort, name: 'http' }],
      resources: containerResources(p.resources),
      envVariables: {
        SERVICE_NAME: EnvValue.fromValue(p.appId),
        APP_PORT: EnvValue.fromValue(String(p.appPort)),
        OTEL_SERVICE_NAME: EnvValue.fromValue(p.appId),
        DAPR_API_TOKEN: EnvValue.fromSecretValue({ secret: Secret.fromSecretName(this, 'dapr-api-token', p.apiTokenSecret), key: 'token' }),
        APP_API_TOKEN: EnvValue.fromSecretValue({ secret: Secret.fromSecretName(this, 'app-api-token', p.appTokenSecret), key: 'token' }),
        ...p.env,
      },
      // A slow first start (connections, indexes) gets a minute before liveness may restart it.
      startup: Probe.fromHttpGet('/health', { port: p.appPort, periodSeconds: Duration.seconds(2), failureThreshold: 30, timeoutSeconds: Duration.seconds(2) }),
      liveness: Probe.fromHttpGet('/health', { port: p.appPort, periodSeconds: Duration.seconds(10), failureThreshold: 3, timeoutSeconds: Duration.seconds(2) }),
      readiness: Probe.fromHttpGet('/ready', { port: p.appPort, periodSeconds: Duration.seconds(5), failureThreshold: 2, timeoutSeconds: Duration.seconds(2) }),
      securityContext: containerSecurity(appUser),
      volumeMounts: [{ path: '/tmp', volume: Volume.fromEmptyDir(this, 'tmp', 'tmp', { sizeLimit: Size.mebibytes(64) }) }],
    });
    const workload = ApiObject.of(this.deployment);
    // The kubelet's own sleep (no shell needed in the image): the app gets SIGTERM only once callers stopped coming.
    if (p.drainSeconds > 0) workload.addJsonPatch(JsonPatch.add('/spec/template/spec/containers/0/lifecycle', { preStop: { sleep: { seconds: p.drainSeconds } } }));
    addPodSeccomp(workload);
    dropAddressLabel(workload);
    this.spreadAcrossNodesAndZones(workload, selector);

    this.service = new Service(this, 'service', {
      metadata: { name: p.appId, labels },
      ports: [{ name: 'http', port: p.appPort, targetPort: p.appPort }],
    });
    for (const [key, value] of Object.entries(selector)) this.service.selectLabel(key, value);

    if (p.autoscaling) {
      this.autoscaler = new HorizontalPodAutoscaler(this, 'autoscaler', {
        metadata: { name: p.appId, labels },
        target: this.deployment,
        minReplicas: p.autoscaling.minReplicas,
        maxReplicas: p.autoscaling.maxReplicas,
        // Per container: the sidecar's usage must not hide or inflate the app's.
        metrics: [
          Metric.containerCpu({ container, target: MetricTarget.averageUtilization(p.autoscaling.targetCpuUtilization) }),
          Metric.containerMemory({ container, target: MetricTarget.averageUtilization(p.autoscaling.targetMemoryUtilization) }),
        ],
      });
    }

    this.disruptionBudget = new k8s.KubePodDisruptionBudget(this, 'disruption-budget', {
      metadata: { name: p.appId, labels },
      spec: {
        // An absolute 1 never blocks a node drain, even at one replica.
        maxUnavailable: k8s.IntOrString.fromNumber(1),
        selector: { matchLabels: selector },
        unhealthyPodEvictionPolicy: 'AlwaysAllow',
      },
    });

    this.networkPolicy = new ServiceNetworkPolicy(this, 'network-policy', {
      ...p.network,
      name: p.appId,
      labels,
      podLabels: selector,
      appPort: p.appPort,
      sidecarMetricsPort,
    });
  }

  private spreadAcrossNodesAndZones(workload: ApiObject, selector: Record<string, string>): void {
    // Soft rules: a one-node development cluster still schedules every replica.
    this.deployment.scheduling.separate(Pods.select(this, 'replicas', { labels: selector }), { topology: Topology.HOSTNAME, weight: 100 });
    const constraint = (topologyKey: string) => ({
      maxSkew: 1,
      topologyKey,
      whenUnsatisfiable: 'ScheduleAnyway',
      labelSelector: { matchLabels: selector },
      matchLabelKeys: ['pod-template-hash'],
    });
    workload.addJsonPatch(JsonPatch.add('/spec/template/spec/topologySpreadConstraints', [
      constraint('kubernetes.io/hostname'),
      constraint('topology.kubernetes.io/zone'),
    ]));
  }
}

type Checked = Required<Omit<DaprServiceProps, 'autoscaling' | 'network' | 'env'>> & Pick<DaprServiceProps, 'network' | 'env'> & { autoscaling: DaprServiceAutoscaling | false };

function checked(props: DaprServiceProps): Checked {
  const graceful = props.daprGracefulShutdownSeconds ?? 20;
  const drain = props.drainSeconds ?? 10;
  const p: Checked = {
    ...props,
    imagePullPolicy: props.imagePullPolicy ?? ImagePullPolicy.IF_NOT_PRESENT,
    replicas: props.replicas ?? 2,
    autoscaling: props.autoscaling === false ? false : (props.autoscaling ?? defaultAutoscaling),
    resources: props.resources ?? defaultResources,
    sidecarResources: props.sidecarResources ?? defaultSidecarResources,
    sidecarLogLevel: props.sidecarLogLevel ?? 'info',
    daprConfig: props.daprConfig ?? props.appId,
    apiTokenSecret: props.apiTokenSecret ?? 'dapr-api-token',
    appTokenSecret: props.appTokenSecret ?? 'app-api-token',
    daprGracefulShutdownSeconds: graceful,
    drainSeconds: drain,
    terminationGracePeriodSeconds: props.terminationGracePeriodSeconds ?? drain + graceful + 10,
  };
  const fail = (why: string) => {
    throw new Error(`DaprService ${props.appId}: ${why}`);
  };
  if (!/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/.test(p.appId)) fail('appId must be a DNS label');
  if (!Number.isInteger(p.appPort) || p.appPort < 1 || p.appPort > 65535) fail(`appPort ${p.appPort} is not a port`);
  if ([3500, 50001, 50002, sidecarMetricsPort].includes(p.appPort)) fail(`appPort ${p.appPort} is taken by daprd`);
  if (p.image === '') fail('image is empty');
  if (!Number.isInteger(p.replicas) || p.replicas < 1) fail('replicas must be at least 1');
  if (p.autoscaling && (p.autoscaling.minReplicas < 1 || p.autoscaling.minReplicas > p.autoscaling.maxReplicas)) {
    fail(`autoscaling needs 1 <= minReplicas <= maxReplicas, got ${p.autoscaling.minReplicas}..${p.autoscaling.maxReplicas}`);
  }
  if (!Number.isInteger(p.drainSeconds) || p.drainSeconds < 0) fail(`drainSeconds must be a whole number of seconds, got ${p.drainSeconds}`);
  if (p.terminationGracePeriodSeconds <= p.drainSeconds + p.daprGracefulShutdownSeconds) {
    fail(`terminationGracePeriodSeconds (${p.terminationGracePeriodSeconds}) must exceed drainSeconds + daprGracefulShutdownSeconds (${p.drainSeconds + p.daprGracefulShutdownSeconds})`);
  }
  return p;
}
