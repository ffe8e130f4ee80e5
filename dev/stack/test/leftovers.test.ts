import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { killMarked, processesMarked } from '../leftovers.js';

describe('leftover processes', () => {
  it('when a process carries the run marker, then it is found and killed, and unmarked ones are left alone', async () => {
    const value = `run-${process.pid}-${Date.now()}`;
    const marked = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)'], { env: { ...process.env, LEFTOVER_TEST_MARK: value } });
    const unmarked = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      await new Promise((r) => setTimeout(r, 300));
      expect(processesMarked('LEFTOVER_TEST_MARK', value)).toEqual([marked.pid]);
      const gone = new Promise((r) => marked.once('exit', r));
      expect(killMarked('LEFTOVER_TEST_MARK', value)).toBe(1);
      await gone;
      expect(processesMarked('LEFTOVER_TEST_MARK', value)).toEqual([]);
      expect(unmarked.exitCode).toBeNull();
    } finally {
      marked.kill();
      unmarked.kill();
    }
  });
});
