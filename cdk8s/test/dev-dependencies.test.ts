// The in-cluster development dependencies, and switching each off for managed services.
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../src/settings.js';
import { synth } from './support/synth.js';

const dependencies = [
  ['kafka', 'kafka', 9092],
  ['mongodb', 'mongodb', 27017],
  ['redis', 'redis', 6379],
  ['tracing', 'jaeger', 4317],
] as const;

describe('development dependencies', () => {
  const app = synth();

  it.each(dependencies)('when %s is on, then %s runs as one non-root replica behind a Service on %i', (key, name, port) => {
    const deployment = app.get('Deployment', name);
    expect(deployment.spec.replicas).toBe(1);
    expect(deployment.spec.strategy).toEqual({ type: 'Recreate' });
    const container = deployment.spec.template.spec.containers[0];
    expect(container.image).toBe(defaultSettings[key].image);
    expect(container.securityContext).toMatchObject({ runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
    expect(container.readinessProbe.tcpSocket.port).toBe(container.ports[0].containerPort);
    expect(app.get('Service', name).spec.ports.map((p: { port: number }) => p.port)).toContain(port);
  });

  it('when Kafka runs in the cluster, then it is one KRaft node (broker and controller) advertising its Service name', () => {
    const env = Object.fromEntries(app.get('Deployment', 'kafka').spec.template.spec.containers[0].env.map((e: { name: string; value: string }) => [e.name, e.value]));
    expect(env).toMatchObject({ KAFKA_PROCESS_ROLES: 'broker,controller', KAFKA_ADVERTISED_LISTENERS: 'PLAINTEXT://kafka:9092' });
    expect(app.get('Deployment', 'kafka').spec.template.spec.enableServiceLinks).toBe(false);
  });

  it('when the tracing backend runs, then it takes OTLP over gRPC and HTTP and serves its UI', () => {
    expect(app.get('Service', 'jaeger').spec.ports.map((p: { port: number }) => p.port)).toEqual([4317, 4318, 16686]);
  });

  it.each(dependencies)('when %s is off, then nothing of it is synthesized and the connections secret still points somewhere', (key, name) => {
    const off = synth({ settings: { ...defaultSettings, [key]: { ...defaultSettings[key], enabled: false } } });
    expect(off.find('Deployment', name)).toBeUndefined();
    expect(off.find('Service', name)).toBeUndefined();
    expect(off.get('Secret', 'connections')).toBeDefined();
  });

  it('when production manages the connections secret, then the app does not synthesize it', () => {
    const managed = synth({ settings: { ...defaultSettings, connections: { ...defaultSettings.connections, create: false } } });
    expect(managed.find('Secret', 'connections')).toBeUndefined();
    expect(managed.get('Deployment', 'orders')).toBeDefined();
  });
});
