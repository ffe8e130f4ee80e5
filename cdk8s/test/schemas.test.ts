// Every object the app synthesizes, in its default shape and with every optional part off, is valid
// for the targeted Kubernetes release and, for Dapr resources, for the Dapr release's CRDs.
import { describe, expect, it } from 'vitest';
import { schemaModuleVersion } from '../src/kubernetes-version.js';
import { defaultSettings } from '../src/settings.js';
import { kubernetesSchema } from './support/kubernetes-schema.js';
import { synth } from './support/synth.js';
import { invalidObjects, schemaErrors } from './support/validate-objects.js';

const allOff = {
  ...defaultSettings,
  autoscaling: { ...defaultSettings.autoscaling, enabled: false },
  kafka: { ...defaultSettings.kafka, enabled: false },
  mongodb: { ...defaultSettings.mongodb, enabled: false },
  redis: { ...defaultSettings.redis, enabled: false },
  tracing: { ...defaultSettings.tracing, enabled: false },
  connections: { ...defaultSettings.connections, create: false },
  secrets: { create: false },
};

describe(`schemas (Kubernetes ${schemaModuleVersion}, Dapr CRDs)`, { timeout: 120_000 }, () => {
  it('when synthesized with the defaults, then every object validates', () => {
    const { all } = synth();
    expect(all.length).toBeGreaterThan(60);
    expect(invalidObjects(all)).toEqual([]);
  }, 120_000);

  it('when synthesized with every optional part off, then every object validates', () => {
    const { all } = synth({ settings: allOff });
    expect(all.some((o) => o.kind === 'HorizontalPodAutoscaler' || o.metadata.name === 'kafka')).toBe(false);
    expect(invalidObjects(all)).toEqual([]);
  }, 120_000);

  it('when an object has a misspelt field, then validation reports it', () => {
    const { get } = synth();
    const deployment = structuredClone(get('Deployment', 'orders'));
    deployment.spec.template.spec.containers[0].readinessProbe.httpGett = {};
    expect(schemaErrors(deployment).join('\n')).toMatch(/httpGett/);
    const config = structuredClone(get('Configuration', 'orders'));
    config.spec.accessControl.policy = [];
    expect(schemaErrors(config).join('\n')).toMatch(/policy/);
  }, 120_000);

  it('when a kind is not served by the targeted release, then validation refuses it', () => {
    expect(kubernetesSchema().knows('autoscaling/v2', 'HorizontalPodAutoscaler')).toBe(true);
    expect(kubernetesSchema().knows('policy/v1beta1', 'PodDisruptionBudget')).toBe(false);
  }, 120_000);
});
