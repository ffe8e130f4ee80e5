// One CommerceX service from its catalog entry: a DaprService with the environment, reach and Helm
// values that the entry and the deploy settings call for.
import { ApiObject, Chart } from 'cdk8s';
import { EnvValue, ImagePullPolicy, Secret } from 'cdk8s-plus-34';
import type { Construct } from 'constructs';
import type { ServiceSpec } from '../catalog.js';
import { DaprService } from '../constructs/dapr-service.js';
import { bindValue, jsonValue, renderOnlyIf, stringValue } from '../helm/helm-bindings.js';
import { paymentProviderUrl, type DeploySettings } from '../settings.js';
import { kafkaPort } from './kafka-chart.js';
import { mongodbPort } from './mongodb-chart.js';
import { redisPort } from './redis-chart.js';
import { otlpGrpcPort, otlpHttpPort } from './tracing-chart.js';

export interface ServiceChartProps {
  readonly namespace: string;
  readonly spec: ServiceSpec;
  readonly settings: DeploySettings;
  /** App ids that invoke this service through Dapr. */
  readonly invokedBy: readonly string[];
  /** Accepts traffic from outside the cluster. */
  readonly public: boolean;
  /** Dapr components scoped to this service. */
  readonly components: readonly string[];
}

const pullPolicies = {
  IfNotPresent: ImagePullPolicy.IF_NOT_PRESENT,
  Always: ImagePullPolicy.ALWAYS,
  Never: ImagePullPolicy.NEVER,
} as const;

export class ServiceChart extends Chart {
  readonly service: DaprService;

  constructor(scope: Construct, id: string, props: ServiceChartProps) {
    super(scope, id, { namespace: props.namespace });
    const { spec, settings: s } = props;
    const connection = (key: string) => EnvValue.fromSecretValue({ secret: Secret.fromSecretName(this, `connections-${key}`, 'connections'), key });

    this.service = new DaprService(this, spec.name, {
      appId: spec.name,
      appPort: spec.appPort,
      image: `${s.image.registry}/${spec.name}:${s.image.tag}`,
      imagePullPolicy: pullPolicies[s.image.pullPolicy],
      replicas: s.replicas,
      autoscaling: s.autoscaling.enabled ? s.autoscaling : false,
      resources: s.resources,
      sidecarResources: s.sidecar.resources,
      sidecarLogLevel: s.sidecar.logLevel,
      env: {
        LOG_LEVEL: EnvValue.fromValue(s.logLevel),
        // The kubelet's probes come to the pod's address; the sidecar comes over loopback.
        APP_HOST: EnvValue.fromValue('0.0.0.0'),
        OTEL_EXPORTER_OTLP_ENDPOINT: EnvValue.fromValue(`http://${s.tracing.host}:${otlpHttpPort}`),
        ...(spec.mongo ? { MONGODB_URI: connection('mongodb-uri') } : {}),
        ...(spec.redis ? { REDIS_URL: connection('redis-url') } : {}),
      },
      network: {
        public: props.public,
        invokedBy: props.invokedBy,
        invokes: spec.invokes,
        egressPorts: egressPorts(spec, props.components, s),
      },
    });
    bindServiceValues(this.service);
  }
}

/** Backing services this one reaches, by port: they may live outside the cluster. */
function egressPorts(spec: ServiceSpec, components: readonly string[], s: DeploySettings): number[] {
  const ports = [otlpGrpcPort, otlpHttpPort];
  if (components.includes('pubsub')) ports.push(kafkaPort);
  if (spec.mongo) ports.push(mongodbPort);
  if (spec.redis || components.includes('statestore')) ports.push(redisPort);
  // The Kubernetes secret store talks to the API server: 443 on its Service, 6443 on the nodes behind it.
  if (components.includes('secretstore')) ports.push(443, 6443);
  if (components.includes('payment-provider')) {
    const url = new URL(paymentProviderUrl(s));
    ports.push(443, Number(url.port || (url.protocol === 'https:' ? 443 : 80)));
  }
  return ports;
}

function bindServiceValues(svc: DaprService): void {
  const deployment = ApiObject.of(svc.deployment);
  const app = '/spec/template/spec/containers/[name=app]';
  const annotation = (key: string) => `/spec/template/metadata/annotations/dapr.io~1${key}`;
  const bindings: [string, string][] = [
    [`${app}/image`, `printf "%s/%s:%s" .Values.image.registry "${svc.appId}" (toString .Values.image.tag) | toJson`],
    [`${app}/imagePullPolicy`, stringValue('image.pullPolicy')],
    [`${app}/resources`, jsonValue('resources')],
    [`${app}/env/[name=LOG_LEVEL]/value`, stringValue('logLevel')],
    [`${app}/env/[name=OTEL_EXPORTER_OTLP_ENDPOINT]/value`, `printf "http://%s:${otlpHttpPort}" .Values.tracing.host | toJson`],
    [annotation('sidecar-cpu-request'), stringValue('sidecar.resources.requests.cpu')],
    [annotation('sidecar-memory-request'), stringValue('sidecar.resources.requests.memory')],
    [annotation('sidecar-cpu-limit'), stringValue('sidecar.resources.limits.cpu')],
    [annotation('sidecar-memory-limit'), stringValue('sidecar.resources.limits.memory')],
    [annotation('log-level'), stringValue('sidecar.logLevel')],
  ];
  for (const [pointer, expression] of bindings) bindValue(deployment, { pointer, expression });
  bindValue(deployment, { pointer: '/spec/replicas', expression: jsonValue('replicas'), when: 'not .Values.autoscaling.enabled' });

  if (!svc.autoscaler) return;
  const hpa = ApiObject.of(svc.autoscaler);
  renderOnlyIf(svc.autoscaler, '.Values.autoscaling.enabled');
  bindValue(hpa, { pointer: '/spec/minReplicas', expression: jsonValue('autoscaling.minReplicas') });
  bindValue(hpa, { pointer: '/spec/maxReplicas', expression: jsonValue('autoscaling.maxReplicas') });
  bindValue(hpa, { pointer: '/spec/metrics/0/containerResource/target/averageUtilization', expression: jsonValue('autoscaling.targetCpuUtilization') });
  bindValue(hpa, { pointer: '/spec/metrics/1/containerResource/target/averageUtilization', expression: jsonValue('autoscaling.targetMemoryUtilization') });
}
