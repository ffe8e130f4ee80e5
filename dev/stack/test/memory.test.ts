import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { treeRss } from '../memory.js';

describe('treeRss', () => {
  it('when a child process runs, then it counts towards the tree and its memory is added', async () => {
    const alone = treeRss()!;
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      await new Promise((r) => setTimeout(r, 300));
      const withChild = treeRss()!;
      expect(withChild.processes).toBeGreaterThan(alone.processes);
      expect(withChild.bytes).toBeGreaterThan(alone.bytes);
      expect(treeRss(child.pid)!.processes).toBe(1);
    } finally {
      child.kill();
    }
  });
});
