// Starts several services; if any fails to start, the ones that did are stopped and the failure is thrown.
import type { RunningService } from '../../dev/stack/service-process.js';
import { startService } from './test-stack.js';

export interface ServiceSpec {
  name: string;
  env?: Record<string, string>;
}

/**
 * One after the other: freePort() (dev/stack/ports.ts) returns its shared cursor after an await, so concurrent starts
 * got the same app and sidecar ports, and the first service to bind answered the readiness checks of all the others.
 */
export async function startServices(specs: readonly ServiceSpec[]): Promise<RunningService[]> {
  const running: RunningService[] = [];
  try {
    for (const s of specs) running.push(await startService(s.name, s.env ?? {}));
  } catch (err) {
    await Promise.all(running.map((s) => s.stop()));
    throw err;
  }
  return running;
}
