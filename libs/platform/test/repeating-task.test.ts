import { describe, expect, it } from 'vitest';
import { createLogger, repeatingTask } from '../src/index.js';

const logger = createLogger({ service: 'test', level: 'silent' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('repeatingTask', () => {
  it('when runs are slower than the interval, then they never overlap, a failed run is retried, and stop waits for the run in progress', async () => {
    let active = 0;
    let most = 0;
    let runs = 0;
    let finished = 0;
    const task = repeatingTask(async () => {
      runs += 1;
      active += 1;
      most = Math.max(most, active);
      await sleep(15);
      active -= 1;
      finished += 1;
      if (runs === 1) throw new Error('first run fails');
    }, { everyMs: 1, logger, what: 'test run' });
    task.start();
    task.start();
    await sleep(80);
    await task.stop();
    expect(most).toBe(1);
    expect(runs).toBeGreaterThan(1);
    expect(finished).toBe(runs);
    const after = runs;
    await sleep(30);
    expect(runs).toBe(after);
  });
});
