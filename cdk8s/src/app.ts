// Wires the charts: the namespace, the Dapr resources, the secrets, the development dependencies
// and one chart per service in the catalog.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App } from 'cdk8s';
import { publicEntry, services } from './catalog.js';
import { DaprResourcesChart } from './charts/dapr-resources-chart.js';
import { KafkaChart } from './charts/kafka-chart.js';
import { MongodbChart } from './charts/mongodb-chart.js';
import { NamespaceChart } from './charts/namespace-chart.js';
import { PaymentProviderChart } from './charts/payment-provider-chart.js';
import { RedisChart } from './charts/redis-chart.js';
import { SecretsChart } from './charts/secrets-chart.js';
import { ServiceChart } from './charts/service-chart.js';
import { TracingChart } from './charts/tracing-chart.js';
import { checkSettings, defaultSettings, type DeploySettings } from './settings.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface CommercexAppOptions {
  readonly settings?: DeploySettings;
  /** Namespace of the plain manifests. @default 'commercex' */
  readonly namespace?: string;
  /** @default components/kubernetes of this repository */
  readonly daprResources?: string;
}

export function commercexApp(options: CommercexAppOptions = {}): App {
  const settings = checkSettings(options.settings ?? defaultSettings);
  const namespace = options.namespace ?? 'commercex';
  const app = new App();

  new NamespaceChart(app, 'namespace', { namespace });
  const dapr = new DaprResourcesChart(app, 'dapr-resources', { namespace, directory: options.daprResources ?? path.join(repoRoot, 'components/kubernetes') });
  new SecretsChart(app, 'secrets', { namespace, settings });
  if (settings.kafka.enabled) new KafkaChart(app, 'kafka', { namespace, image: settings.kafka.image });
  if (settings.mongodb.enabled) new MongodbChart(app, 'mongodb', { namespace, image: settings.mongodb.image });
  if (settings.redis.enabled) new RedisChart(app, 'redis', { namespace, image: settings.redis.image });
  if (settings.tracing.enabled) new TracingChart(app, 'tracing', { namespace, image: settings.tracing.image });
  if (settings.paymentProvider.enabled) new PaymentProviderChart(app, 'payment-provider', { namespace, image: settings.paymentProvider.image });

  const components = ['pubsub', 'statestore', 'secretstore', 'payment-provider'].map((name) => ({ name, scopes: dapr.scopesOf(name) }));
  for (const spec of services) {
    new ServiceChart(app, spec.name, {
      namespace,
      spec,
      settings,
      invokedBy: services.filter((caller) => caller.invokes.includes(spec.name)).map((caller) => caller.name),
      public: spec.name === publicEntry,
      components: components.filter((c) => c.scopes.includes(spec.name)).map((c) => c.name),
    });
  }
  return app;
}
