// What the Tiltfile needs to deploy onto this machine's cluster, written by `npm run cluster` to
// .cluster/tilt-settings.json and read by tilt/local-cluster.tiltfile (`tilt ci -- --local-cluster <file>`).
import fs from 'node:fs';
import path from 'node:path';
import { defaultSettings } from '../../cdk8s/src/settings.js';
import type { ClusterPaths } from './settings.js';
import { LOCAL_APP_REQUESTS, LOCAL_SIDECAR_REQUESTS, type ShopImages } from './shop.js';

export interface TiltSettings {
  readonly kubeconfig: string;
  readonly kubeContext: string;
  /** Tilt's default_registry: the node pulls from the same loopback address Tilt pushes to. */
  readonly registry: string;
  readonly helm: string;
  readonly daprChart: string;
  readonly daprValues: string;
  /** dist/'s reference of each development dependency → the image built for this cluster. */
  readonly images: Readonly<Record<string, string>>;
  readonly appRequests: typeof LOCAL_APP_REQUESTS;
  readonly sidecarCpuRequest: string;
  /** Builds `<image> --ref-to FILE` with buildah (dev/cluster/images/main.ts), run from the repository root. */
  readonly imageBuilder: string;
  readonly imageRefDir: string;
  /** No trace backend and no Dapr dashboard image are built for this cluster yet. */
  readonly tracing: false;
  readonly daprDashboard: false;
}

export interface TiltSettingsInput {
  readonly kubeContext: string;
  readonly registry: string;
  readonly helm: string;
  readonly daprChart: string;
  readonly daprValues: string;
  readonly shop: ShopImages;
}

export function tiltSettings(p: ClusterPaths, input: TiltSettingsInput): TiltSettings {
  const { kafka, mongodb, redis, paymentProvider } = defaultSettings;
  return {
    kubeconfig: p.kubeconfig,
    kubeContext: input.kubeContext,
    registry: input.registry,
    helm: input.helm,
    daprChart: input.daprChart,
    daprValues: input.daprValues,
    images: {
      [kafka.image]: input.shop.kafka,
      [mongodb.image]: input.shop.mongodb,
      [redis.image]: input.shop.redis,
      [paymentProvider.image]: input.shop.paymentProvider,
    },
    appRequests: LOCAL_APP_REQUESTS,
    sidecarCpuRequest: LOCAL_SIDECAR_REQUESTS.cpu,
    imageBuilder: 'npx tsx dev/cluster/images/main.ts',
    imageRefDir: path.join(p.config, 'tilt-image-refs'),
    tracing: false,
    daprDashboard: false,
  };
}

export function writeTiltSettings(p: ClusterPaths, input: TiltSettingsInput): void {
  fs.writeFileSync(p.tiltSettings, `${JSON.stringify(tiltSettings(p, input), null, 2)}\n`);
}
