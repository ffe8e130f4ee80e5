// Every step in the order they run: quick ones first, tilt (the longest Go build) last.
import type { Step } from '../step.js';
import type { ToolName } from '../versions.js';
import { corednsStep } from './coredns.js';
import { daprCliStep } from './dapr-cli.js';
import { daprControlPlaneStep } from './dapr-control-plane.js';
import { daprRuntimeStep } from './dapr-runtime.js';
import { daprdStep } from './daprd.js';
import { etcdStep } from './etcd.js';
import { ferretdbStep } from './ferretdb.js';
import { helmStep } from './helm.js';
import { kafkaStep } from './kafka.js';
import { kubernetesStep } from './kubernetes.js';
import { metricsServerStep } from './metrics-server.js';
import { redisStep } from './redis.js';
import { registryStep } from './registry.js';
import { tiltStep } from './tilt.js';

export const STEPS: readonly Step[] = [redisStep, kafkaStep, daprdStep, daprRuntimeStep, daprCliStep, ferretdbStep, helmStep, tiltStep, kubernetesStep, registryStep, etcdStep, corednsStep, metricsServerStep, daprControlPlaneStep];

/** The CLI is only useful with the daprd it launches, and checks it when installed. */
export const REQUIRES: Partial<Record<ToolName, readonly ToolName[]>> = { dapr: ['daprd'] };
