import express from 'express';
import { describe, expect, it } from 'vitest';
import { createHttpApp, runService } from '../src/index.js';
import { isDraining, markDraining } from '../src/http/drain-state.js';
import { captureLogger, freshRegistry, serve } from './helpers.js';

function slowApp(logger: ReturnType<typeof captureLogger>['logger'], onSlowStarted: () => void, release: Promise<void>) {
  const router = express.Router();
  router.get('/slow', async (_req, res) => {
    onSlowStarted();
    await release;
    res.json({ finished: true });
  });
  return createHttpApp({ service: 's', version: '1', logger, routes: [router], registry: freshRegistry() });
}

describe('runService', () => {
  it('when started on port 0, then it returns the bound port', async () => {
    const { logger } = captureLogger();
    const running = await serve(createHttpApp({ service: 's', version: '1', logger, registry: freshRegistry() }), logger);
    expect(running.port).toBeGreaterThan(0);
    expect((await fetch(`${running.url}/health`)).status).toBe(200);
    await running.stop();
  });

  it('when stopping with a request in flight, then the request finishes, readiness turns 503, new connections are refused, onStop runs in order', async () => {
    const { logger } = captureLogger();
    let started!: () => void;
    const slowStarted = new Promise<void>((resolve) => (started = resolve));
    let finish!: () => void;
    const release = new Promise<void>((resolve) => (finish = resolve));
    const steps: string[] = [];
    const app = slowApp(logger, started, release);
    const running = await serve(app, logger, {
      onStop: [async () => void steps.push('relay stopped'), async () => void steps.push('mongo closed')],
      shutdownTimeoutMs: 5_000,
    });

    const inFlight = fetch(`${running.url}/slow`);
    await slowStarted;
    const stopped = running.stop();
    expect(isDraining(app)).toBe(true);
    // The listener is closed at once: new connections fail while the old request is still running.
    await expect(fetch(`${running.url}/health`, { headers: { connection: 'close' } })).rejects.toThrow();
    expect(steps).toEqual([]);

    finish();
    const response = await inFlight;
    expect([response.status, await response.json()]).toEqual([200, { finished: true }]);
    await stopped;
    expect(steps).toEqual(['relay stopped', 'mongo closed']);
  });

  it('when the app is draining, then /ready answers 503 shutting-down and responses close their connection', async () => {
    const { logger } = captureLogger();
    const app = createHttpApp({ service: 's', version: '1', logger, registry: freshRegistry(), readiness: { dapr: async () => undefined } });
    const running = await serve(app, logger);
    markDraining(app);
    const response = await fetch(`${running.url}/ready`);
    expect([response.status, await response.json()]).toEqual([503, { status: 'unavailable', failed: ['shutting-down'] }]);
    expect(response.headers.get('connection')).toBe('close');
    await running.stop();
  });

  it('when a request outlives the drain time, then its connection is closed and stop still completes', async () => {
    const { logger, lines } = captureLogger();
    let started!: () => void;
    const slowStarted = new Promise<void>((resolve) => (started = resolve));
    const app = slowApp(logger, started, new Promise<void>(() => undefined));
    const running = await serve(app, logger, { shutdownTimeoutMs: 200 });
    const inFlight = fetch(`${running.url}/slow`).then(
      () => 'answered',
      () => 'cut',
    );
    await slowStarted;
    await running.stop();
    expect(await inFlight).toBe('cut');
    expect(lines().some((l) => String(l.msg).startsWith('requests still in flight'))).toBe(true);
  });

  it('when an onStop step fails, then the others still run', async () => {
    const { logger } = captureLogger();
    const steps: string[] = [];
    const running = await serve(createHttpApp({ service: 's', version: '1', logger, registry: freshRegistry() }), logger, {
      onStop: [() => Promise.reject(new Error('already closed')), async () => void steps.push('redis closed')],
    });
    await running.stop();
    expect(steps).toEqual(['redis closed']);
  });
});

describe('runService signals', () => {
  it('when SIGTERM arrives, then it stops gracefully and exits 0; a second signal meanwhile exits 1 at once', async () => {
    const { logger } = captureLogger();
    const exits: number[] = [];
    let release!: () => void;
    const slowStop = new Promise<void>((resolve) => (release = resolve));
    const before = process.listenerCount('SIGTERM');
    const running = await runService({
      app: createHttpApp({ service: 's', version: '1', logger, registry: freshRegistry() }),
      port: 0,
      host: '127.0.0.1',
      logger,
      onStop: [() => slowStop],
      exit: (code) => exits.push(code),
    });
    process.emit('SIGTERM', 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 20));
    process.emit('SIGINT', 'SIGINT');
    expect(exits).toEqual([1]);
    release();
    await running.stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(exits).toEqual([1, 0]);
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });

  it('when the stop takes longer than the timeout, then the process is forced out with 1', async () => {
    const { logger } = captureLogger();
    const exits: number[] = [];
    const running = await runService({
      app: createHttpApp({ service: 's', version: '1', logger, registry: freshRegistry() }),
      port: 0,
      logger,
      onStop: [() => new Promise<void>((resolve) => setTimeout(resolve, 300))],
      shutdownTimeoutMs: 100,
      exit: (code) => exits.push(code),
    });
    process.emit('SIGTERM', 'SIGTERM');
    await running.stop();
    expect(exits[0]).toBe(1);
  });
});
