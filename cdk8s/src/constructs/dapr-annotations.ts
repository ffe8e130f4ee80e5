// The pod annotations that make Dapr's injector add a daprd sidecar configured for this service.
import type { ResourceSettings } from '../settings.js';

export interface DaprAnnotationInput {
  readonly appId: string;
  readonly appPort: number;
  readonly config: string;
  readonly apiTokenSecret: string;
  readonly appTokenSecret: string;
  readonly sidecarResources: ResourceSettings;
  readonly logLevel: string;
  readonly gracefulShutdownSeconds: number;
  /** daprd keeps serving this long after SIGTERM (or until the app reports unhealthy), then drains. */
  readonly blockShutdownSeconds: number;
  readonly metricsPort: number;
}

export function daprAnnotations(a: DaprAnnotationInput): Record<string, string> {
  return {
    'dapr.io/enabled': 'true',
    'dapr.io/app-id': a.appId,
    'dapr.io/app-port': String(a.appPort),
    'dapr.io/app-protocol': 'http',
    'dapr.io/config': a.config,
    // The sidecar stops delivering events and invocations while the app reports unhealthy.
    'dapr.io/enable-app-health-check': 'true',
    'dapr.io/app-health-check-path': '/health',
    'dapr.io/app-health-probe-interval': '5',
    'dapr.io/app-health-probe-timeout': '2000',
    'dapr.io/app-health-threshold': '3',
    // The app must present this token to its sidecar, and the sidecar presents the app token to the app.
    'dapr.io/api-token-secret': a.apiTokenSecret,
    'dapr.io/app-token-secret': a.appTokenSecret,
    'dapr.io/log-as-json': 'true',
    'dapr.io/log-level': a.logLevel,
    'dapr.io/enable-metrics': 'true',
    'dapr.io/metrics-port': String(a.metricsPort),
    'dapr.io/sidecar-cpu-request': a.sidecarResources.requests.cpu,
    'dapr.io/sidecar-memory-request': a.sidecarResources.requests.memory,
    'dapr.io/sidecar-cpu-limit': a.sidecarResources.limits.cpu,
    'dapr.io/sidecar-memory-limit': a.sidecarResources.limits.memory,
    'dapr.io/sidecar-seccomp-profile-type': 'RuntimeDefault',
    'dapr.io/graceful-shutdown-seconds': String(a.gracefulShutdownSeconds),
    ...(a.blockShutdownSeconds > 0 ? { 'dapr.io/block-shutdown-duration': `${a.blockShutdownSeconds}s` } : {}),
    // Only the scoped `secretstore` component may read secrets, not the built-in store.
    'dapr.io/disable-builtin-k8s-secret-store': 'true',
  };
}
