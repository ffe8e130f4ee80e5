import { expect, it } from 'vitest';
import type { IdempotencyStore } from '../src/index.js';

/** The behaviour every IdempotencyStore shares; each implementation's test runs it. */
export function itBehavesLikeAnIdempotencyStore(make: () => Promise<IdempotencyStore> | IdempotencyStore): void {
  it('when an event is first claimed, then it is claimed; while held, others see it in flight', async () => {
    const store = await make();
    expect(await store.claim('e-1')).toBe('claimed');
    expect(await store.claim('e-1')).toBe('in-flight');
  });

  it('when a claimed event is completed, then later claims see it done', async () => {
    const store = await make();
    await store.claim('e-2');
    await store.complete('e-2');
    expect(await store.claim('e-2')).toBe('done');
  });

  it('when a claim is released, then the next delivery can claim it again', async () => {
    const store = await make();
    await store.claim('e-3');
    await store.release('e-3');
    expect(await store.claim('e-3')).toBe('claimed');
  });

  it('when events differ, then their claims are independent', async () => {
    const store = await make();
    expect(await store.claim('e-4')).toBe('claimed');
    expect(await store.claim('e-5')).toBe('claimed');
  });
}
