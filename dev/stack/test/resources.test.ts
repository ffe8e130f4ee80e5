// The self-hosted Dapr resources as dev/stack renders them: one Configuration per app with the catalog's policy.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { publishingScopes, services, subscriptionScopes } from '../../../libs/contracts/src/index.js';
import { configFileFor, renderResources } from '../resources.js';
import { stackVariables, infraPorts } from '../settings.js';

const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'resources-test-'));
const { resourcesDir, configDir } = renderResources(stackVariables(infraPorts({}), stateDir), stateDir);
const component = (file: string) => parseAllDocuments(fs.readFileSync(path.join(resourcesDir, file), 'utf8'))[0]!.toJS();
const meta = (c: { spec: { metadata: { name: string; value: string }[] } }, name: string) => c.spec.metadata.find((m) => m.name === name)?.value;

describe('self-hosted Dapr resources', () => {
  it('when rendered, then each app has its own Configuration with mTLS on, invocations denied but from its callers, secrets denied but its own', () => {
    for (const s of services) {
      const config = parse(fs.readFileSync(configFileFor(configDir, s.name), 'utf8'));
      expect(config.metadata.name).toBe(s.name);
      expect(config.spec.mtls).toEqual({ enabled: true });
      expect(config.spec.accessControl.defaultAction).toBe('deny');
      expect(config.spec.accessControl.policies.map((p: { appId: string; namespace: string }) => `${p.namespace}/${p.appId}`))
        .toEqual(services.filter((c) => c.invokes.includes(s.name)).map((c) => `commercex/${c.name}`));
      expect(config.spec.secrets.scopes).toEqual([{ storeName: 'secretstore', defaultAccess: 'deny', ...(s.secrets.length > 0 ? { allowedSecrets: s.secrets } : {}) }]);
      expect(config.spec.nameResolution.component).toBe('sqlite');
    }
  });

  it('when rendered, then pub/sub carries the catalog\'s topic scopes and only the secret readers load the secret store', () => {
    const pubsub = component('pubsub.yaml');
    expect(meta(pubsub, 'publishingScopes')).toBe(publishingScopes());
    expect(meta(pubsub, 'subscriptionScopes')).toBe(subscriptionScopes());
    expect(pubsub.scopes).toEqual(services.filter((s) => s.publishes.length + s.subscribes.length > 0).map((s) => s.name));
    expect(component('secretstore.yaml').scopes).toEqual(['gateway', 'users']);
    expect(meta(pubsub, 'brokers')).toBe('127.0.0.1:9092');
  });
});
