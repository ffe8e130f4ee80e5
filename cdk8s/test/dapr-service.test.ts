// The DaprService construct on its own: defaults, options and the checks in its constructor.
import { Chart, Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { DaprService, type DaprServiceProps } from '../src/constructs/dapr-service.js';

function synthService(props: Partial<DaprServiceProps> = {}) {
  const chart = new Chart(Testing.app(), 'test');
  new DaprService(chart, 'svc', { appId: 'orders', appPort: 3004, image: 'registry/orders:1', ...props });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- manifests are asserted field by field
  const objects = Testing.synth(chart) as { kind: string; spec: Record<string, any> }[];
  return (kind: string) => objects.find((o) => o.kind === kind);
}

describe('DaprService', () => {
  it('when given only an id, a port and an image, then it creates the six objects of a service', () => {
    const chart = new Chart(Testing.app(), 'test');
    new DaprService(chart, 'svc', { appId: 'orders', appPort: 3004, image: 'registry/orders:1' });
    expect(Testing.synth(chart).map((o: { kind: string }) => o.kind).sort()).toEqual(
      ['Deployment', 'HorizontalPodAutoscaler', 'NetworkPolicy', 'PodDisruptionBudget', 'Service', 'ServiceAccount'],
    );
  });

  it('when autoscaling is off, then the Deployment holds the replica count and no HPA exists', () => {
    const get = synthService({ autoscaling: false, replicas: 3 });
    expect(get('HorizontalPodAutoscaler')).toBeUndefined();
    expect(get('Deployment')!.spec.replicas).toBe(3);
  });

  it('when given resources, then the app container and the sidecar annotations carry them', () => {
    const get = synthService({
      resources: { requests: { cpu: '0.25', memory: '1Gi' }, limits: { cpu: '2', memory: '2Gi' } },
      sidecarResources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { cpu: '100m', memory: '64Mi' } },
    });
    const template = get('Deployment')!.spec.template;
    // cdk8s-plus writes memory in mebibytes.
    expect(template.spec.containers[0].resources).toEqual({ requests: { cpu: '0.25', memory: '1024Mi' }, limits: { cpu: '2', memory: '2048Mi' } });
    expect(template.metadata.annotations).toMatchObject({ 'dapr.io/sidecar-cpu-request': '10m', 'dapr.io/sidecar-memory-limit': '64Mi' });
  });

  it('when the grace period does not exceed the drain and Dapr\'s graceful shutdown, then construction fails', () => {
    expect(() => synthService({ daprGracefulShutdownSeconds: 20, drainSeconds: 10, terminationGracePeriodSeconds: 30 })).toThrow(/must exceed drainSeconds \+ daprGracefulShutdownSeconds \(30\)/);
  });

  it('when a pod terminates, then its app and its sidecar keep serving for the drain period before they stop', () => {
    const template = synthService({ drainSeconds: 7 })('Deployment')!.spec.template;
    expect(template.spec.containers[0].lifecycle).toEqual({ preStop: { sleep: { seconds: 7 } } });
    expect(template.metadata.annotations).toMatchObject({ 'dapr.io/block-shutdown-duration': '7s' });
  });

  it('when the graceful shutdown is longer, then the default grace period follows it', () => {
    const get = synthService({ daprGracefulShutdownSeconds: 45 });
    expect(get('Deployment')!.spec.template.spec.terminationGracePeriodSeconds).toBe(65);
  });

  it.each([
    [{ appId: 'Orders_1' }, /DNS label/],
    [{ appPort: 70000 }, /not a port/],
    [{ appPort: 3500 }, /taken by daprd/],
    [{ image: '' }, /image is empty/],
    [{ autoscaling: { minReplicas: 5, maxReplicas: 2, targetCpuUtilization: 70, targetMemoryUtilization: 80 } }, /minReplicas <= maxReplicas/],
  ] as const)('when given %j, then construction fails', (props, message) => {
    expect(() => synthService(props as Partial<DaprServiceProps>)).toThrow(message);
  });

  it('when the Dapr config or token secrets are named, then the annotations use those names', () => {
    const annotations = synthService({ daprConfig: 'shared', apiTokenSecret: 'a', appTokenSecret: 'b' })('Deployment')!.spec.template.metadata.annotations;
    expect(annotations).toMatchObject({ 'dapr.io/config': 'shared', 'dapr.io/api-token-secret': 'a', 'dapr.io/app-token-secret': 'b' });
  });
});
