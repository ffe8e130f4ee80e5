import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock } from '../lock.js';
import { cacheRoot } from '../layout.js';
import { parseJavaMajor } from '../prerequisites.js';
import { runCachedStep } from '../run-step.js';
import type { CachedStep, StepContext } from '../step.js';
import { formatSummary } from '../timings.js';

let cache: string;
let input: string;
let builds: number;

function fakeStep(build: (out: string) => void = (out) => fs.writeFileSync(path.join(out, 'tool'), 'binary')): CachedStep {
  return {
    kind: 'cached', id: 'fake', tool: 'helm', version: '1.0.0', estimate: 'instant', buildNeeds: [],
    inputs: [input], recipe: 'r', artifact: 'tool',
    build: async (out) => { builds += 1; build(out); },
    verify: async () => 'fake 1.0.0',
  };
}

function context(): StepContext {
  return { cache, logFile: path.join(cache, 'logs', 'fake.log'), log: () => {} };
}

beforeEach(() => {
  cache = fs.mkdtempSync(path.join(os.tmpdir(), 'toolchain-test-'));
  input = path.join(cache, 'go.mod');
  fs.writeFileSync(input, 'module one\n');
  builds = 0;
});

afterEach(() => fs.rmSync(cache, { recursive: true, force: true }));

describe('cached steps', () => {
  it('when a build succeeds, then its directory appears complete and the next run reuses it', async () => {
    const first = await runCachedStep(fakeStep(), context());
    const second = await runCachedStep(fakeStep(), context());
    expect(first).toMatchObject({ action: 'built', bytes: 6, reported: 'fake 1.0.0' });
    expect(second.action).toBe('cached');
    expect(builds).toBe(1);
    expect(fs.readdirSync(cache).filter((f) => f.includes('fake'))).toEqual(['fake-1.0.0']);
  });

  it('when a build fails half-way, then nothing under the final name exists', async () => {
    const failing = fakeStep((out) => {
      fs.writeFileSync(path.join(out, 'tool'), 'half');
      throw new Error('compiler crashed');
    });
    await expect(runCachedStep(failing, context())).rejects.toThrow('compiler crashed');
    expect(fs.existsSync(path.join(cache, 'fake-1.0.0'))).toBe(false);
    expect(fs.readdirSync(cache).filter((f) => f.startsWith('.partial'))).toEqual([]);
  });

  it('when an input changes, then the step rebuilds and replaces the old result', async () => {
    await runCachedStep(fakeStep(), context());
    fs.writeFileSync(input, 'module two\n');
    const again = await runCachedStep(fakeStep((out) => fs.writeFileSync(path.join(out, 'tool'), 'binary v2')), context());
    expect(again.action).toBe('built');
    expect(fs.readFileSync(path.join(cache, 'fake-1.0.0', 'tool'), 'utf8')).toBe('binary v2');
  });

  it('when the build lock was left by a process that died, then it is taken over', async () => {
    const lock = path.join(cache, '.locks', 'build');
    fs.mkdirSync(lock, { recursive: true });
    fs.writeFileSync(path.join(lock, 'pid'), '999999999');
    const release = await acquireLock(cache, 'build', () => {});
    expect(fs.readFileSync(path.join(lock, 'pid'), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(lock)).toBe(false);
  });
});

describe('settings and reports', () => {
  it('when COMMERCEX_CACHE is set, then it wins over XDG_CACHE_HOME', () => {
    expect(cacheRoot({ COMMERCEX_CACHE: '/c', XDG_CACHE_HOME: '/x' })).toBe('/c');
    expect(cacheRoot({ XDG_CACHE_HOME: '/x' })).toBe('/x/commercex');
    expect(cacheRoot({})).toBe(path.join(os.homedir(), '.cache', 'commercex'));
  });

  it('when java reports old and new version styles, then the major version is read from both', () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajor('java version "1.8.0_402"')).toBe(8);
    expect(parseJavaMajor('openjdk version "21" 2023-09-19')).toBe(21);
    expect(parseJavaMajor('command not found')).toBeUndefined();
  });

  it('when steps ran, then the summary has one row each and a total', () => {
    const table = formatSummary([
      { id: 'daprd', tool: 'daprd', version: '1.18.3', action: 'built', seconds: 9.8, bytes: 80 * 1024 ** 2 },
      { id: 'redis', tool: 'redis', version: '7.0.15', action: 'found', seconds: 0, bytes: 2048 },
    ]);
    expect(table).toMatch(/daprd\s+1\.18\.3\s+built\s+9\.8s\s+80\.0 MB/);
    expect(table.trimEnd().split('\n').at(-1)).toBe('total 9.8s');
  });
});
