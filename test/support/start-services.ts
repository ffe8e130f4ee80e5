// Starts several services side by side; if any fails to start, the ones that did are stopped and the failure is thrown.
import type { RunningService } from '../../dev/stack/service-process.js';
import { startService } from './test-stack.js';

export interface ServiceSpec {
  name: string;
  env?: Record<string, string>;
}

export async function startServices(specs: readonly ServiceSpec[]): Promise<RunningService[]> {
  const started = await Promise.allSettled(specs.map((s) => startService(s.name, s.env ?? {})));
  const running = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await Promise.all(running.map((s) => s.stop()));
    throw failed.reason;
  }
  return running;
}
