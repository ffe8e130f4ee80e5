import { describe, expect, it } from 'vitest';
import { checkSettings, defaultSettings, type DeploySettings } from '../src/settings.js';

const withOverrides = (o: Partial<DeploySettings>): DeploySettings => ({ ...defaultSettings, ...o });

describe('deploy settings', () => {
  it('when left at their defaults, then they pass their own checks', () => {
    expect(checkSettings(defaultSettings)).toBe(defaultSettings);
  });

  it('when several values are wrong, then one error names every one of them', () => {
    const bad = withOverrides({
      replicas: 0,
      autoscaling: { ...defaultSettings.autoscaling, minReplicas: 9, targetCpuUtilization: 150 },
      resources: { requests: { cpu: 'lots', memory: '1G' }, limits: defaultSettings.resources.limits },
    });
    expect(() => checkSettings(bad)).toThrow(/replicas must be a positive integer[\s\S]*exceeds maxReplicas[\s\S]*targetCpuUtilization[\s\S]*requests.cpu[\s\S]*requests.memory/);
  });
});
