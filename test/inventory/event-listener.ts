// A subscriber of our own beside a real daprd, to see what reaches subscribers of a topic through Kafka.
import type { Server } from 'node:http';
import express from 'express';
import { freePort } from '../../dev/stack/ports.js';
import { startSidecar, type Sidecar } from '../../dev/stack/sidecar.js';
import { testStack } from '../support/test-stack.js';

export interface EventListener {
  received: Array<{ id: string; data: unknown }>;
  stop(): Promise<void>;
}

/** Runs under an app id the pub/sub component is scoped to (its consumer group is named after it). */
export async function listenTo(topic: string, appId: string): Promise<EventListener> {
  const received: EventListener['received'] = [];
  const app = express();
  app.use(express.json({ type: ['application/json', 'application/*+json'] }));
  app.get('/dapr/subscribe', (_req, res) => {
    res.json([{ pubsubname: 'pubsub', topic, route: '/received' }]);
  });
  app.post('/received', (req, res) => {
    received.push({ id: String(req.body.id), data: req.body.data });
    res.json({ status: 'SUCCESS' });
  });
  const port = await freePort();
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s));
  });
  const s = testStack();
  let sidecar: Sidecar;
  try {
    sidecar = await startSidecar({ daprd: s.daprd, appId, appPort: port, resourcesDir: s.resourcesDir, configFile: s.configFileFor(appId), sentry: s.sentry, logDir: s.logDir });
  } catch (err) {
    server.close();
    throw err;
  }
  return {
    received,
    async stop() {
      await sidecar.stop();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
