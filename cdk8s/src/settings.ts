// What a deploy can change without touching code. The Helm chart's values.yaml is this object, so
// `helm --set x.y=z` and a plain synth with other settings change the same fields.
import { cpuPattern, memoryPattern } from './constructs/quantities.js';

/** Kubernetes resource requests and limits, in Kubernetes' own shape. */
export interface ResourceSettings {
  readonly requests: { readonly cpu: string; readonly memory: string };
  readonly limits: { readonly cpu: string; readonly memory: string };
}

export interface DependencySettings {
  /** Run it in the cluster (development); off means the connection settings point at a managed service. */
  readonly enabled: boolean;
  readonly image: string;
}

export interface DeploySettings {
  readonly image: {
    /** Prefix of every service image: `<registry>/<service>:<tag>`. */
    readonly registry: string;
    readonly tag: string;
    readonly pullPolicy: 'IfNotPresent' | 'Always' | 'Never';
  };
  /** Replicas of every service while autoscaling is off. */
  readonly replicas: number;
  readonly autoscaling: {
    readonly enabled: boolean;
    readonly minReplicas: number;
    readonly maxReplicas: number;
    /** Target average use of the app container's CPU request, in percent. */
    readonly targetCpuUtilization: number;
    readonly targetMemoryUtilization: number;
  };
  /** The app container of every service. */
  readonly resources: ResourceSettings;
  /** The daprd sidecar, set through Dapr's annotations. */
  readonly sidecar: { readonly resources: ResourceSettings; readonly logLevel: string };
  readonly logLevel: string;
  readonly kafka: DependencySettings;
  readonly mongodb: DependencySettings;
  readonly redis: DependencySettings;
  /** OTLP tracing backend; `host` receives OTLP on 4317 (gRPC, sidecars) and 4318 (HTTP, apps). */
  readonly tracing: DependencySettings & { readonly host: string };
  /** The `connections` secret; turn `create` off to manage it outside the chart (managed services). */
  readonly connections: {
    readonly create: boolean;
    readonly kafkaBrokers: string;
    readonly kafkaAuthType: string;
    readonly kafkaSaslUsername: string;
    readonly kafkaSaslPassword: string;
    readonly kafkaDisableTls: string;
    readonly mongodbUri: string;
    readonly redisUrl: string;
    readonly redisHost: string;
    readonly redisPassword: string;
    readonly redisEnableTls: string;
    readonly paymentProviderUrl: string;
  };
  /** The API token secrets and the secret store's secrets; off means they are created outside the chart. */
  readonly secrets: { readonly create: boolean };
}

export const defaultSettings: DeploySettings = {
  image: { registry: 'commercex', tag: '0.1.0', pullPolicy: 'IfNotPresent' },
  replicas: 2,
  autoscaling: { enabled: true, minReplicas: 2, maxReplicas: 6, targetCpuUtilization: 70, targetMemoryUtilization: 80 },
  resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
  sidecar: {
    resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '300m', memory: '256Mi' } },
    logLevel: 'info',
  },
  logLevel: 'info',
  kafka: { enabled: true, image: 'apache/kafka:4.3.1' },
  mongodb: { enabled: true, image: 'mongo:8.0' },
  redis: { enabled: true, image: 'redis:7.4-alpine' },
  tracing: { enabled: true, image: 'jaegertracing/jaeger:2.10.0', host: 'jaeger' },
  connections: {
    create: true,
    kafkaBrokers: 'kafka:9092',
    kafkaAuthType: 'none',
    kafkaSaslUsername: '',
    kafkaSaslPassword: '',
    kafkaDisableTls: 'true',
    mongodbUri: 'mongodb://mongodb:27017/',
    redisUrl: 'redis://redis:6379',
    redisHost: 'redis:6379',
    redisPassword: '',
    redisEnableTls: 'false',
    paymentProviderUrl: 'http://payment-provider:4010',
  },
  secrets: { create: true },
};


/** Throws with every problem at once, so a bad override is fixed in one go. */
export function checkSettings(s: DeploySettings): DeploySettings {
  const problems: string[] = [];
  const positiveInt = (what: string, n: number) => {
    if (!Number.isInteger(n) || n < 1) problems.push(`${what} must be a positive integer, got ${n}`);
  };
  positiveInt('replicas', s.replicas);
  positiveInt('autoscaling.minReplicas', s.autoscaling.minReplicas);
  positiveInt('autoscaling.maxReplicas', s.autoscaling.maxReplicas);
  if (s.autoscaling.minReplicas > s.autoscaling.maxReplicas) {
    problems.push(`autoscaling.minReplicas (${s.autoscaling.minReplicas}) exceeds maxReplicas (${s.autoscaling.maxReplicas})`);
  }
  for (const [what, pct] of [['targetCpuUtilization', s.autoscaling.targetCpuUtilization], ['targetMemoryUtilization', s.autoscaling.targetMemoryUtilization]] as const) {
    if (!Number.isInteger(pct) || pct < 1 || pct > 100) problems.push(`autoscaling.${what} must be 1-100, got ${pct}`);
  }
  for (const [what, r] of [['resources', s.resources], ['sidecar.resources', s.sidecar.resources]] as const) {
    for (const side of ['requests', 'limits'] as const) {
      if (!cpuPattern.test(r[side].cpu)) problems.push(`${what}.${side}.cpu must be millicores (250m) or cores (0.5), got ${r[side].cpu}`);
      if (!memoryPattern.test(r[side].memory)) problems.push(`${what}.${side}.memory must use Ki, Mi, Gi or Ti, got ${r[side].memory}`);
    }
  }
  if (s.image.registry === '' || s.image.tag === '') problems.push('image.registry and image.tag must not be empty');
  if (problems.length > 0) throw new Error(`invalid deploy settings:\n  ${problems.join('\n  ')}`);
  return s;
}

/** One line per top-level setting, written above it in the Helm chart's values.yaml. */
export const settingDescriptions: Record<keyof DeploySettings, string> = {
  image: 'Service images are <registry>/<service>:<tag>.',
  replicas: 'Replicas of every service while autoscaling is off.',
  autoscaling: 'One HorizontalPodAutoscaler per service, on the app container\'s CPU and memory (percent of requests).',
  resources: 'Requests and limits of every service\'s app container.',
  sidecar: 'The daprd sidecar of every service (set through Dapr\'s annotations).',
  logLevel: 'LOG_LEVEL of every service.',
  kafka: 'In-cluster Kafka (KRaft) for development; off: connections.kafka* point at a managed Kafka.',
  mongodb: 'In-cluster MongoDB for development; off: connections.mongodbUri points at a managed MongoDB.',
  redis: 'In-cluster Redis for development; off: connections.redis* point at a managed Redis.',
  tracing: 'In-cluster Jaeger for development; host is the OTLP receiver (4317 gRPC for sidecars, 4318 HTTP for apps).',
  connections: 'The "connections" secret that services and Dapr components read; create: false to manage it yourself.',
  secrets: 'The API token and signing key secrets (generated once, kept on upgrade); create: false to manage them yourself.',
};
