// redis-server from Debian: used from PATH, installed with apt-get when missing.
import { run } from '../exec.js';
import { whichSync } from '../layout.js';
import type { StepContext, SystemStep } from '../step.js';

async function aptInstall(ctx: StepContext): Promise<void> {
  if (process.getuid?.() !== 0) {
    throw new Error('redis-server is not on PATH; install it with: sudo apt-get install -y redis-server');
  }
  if (!whichSync('apt-get')) throw new Error('redis-server is not on PATH and there is no apt-get here; install Redis 7 with your package manager');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  ctx.log('redis: installing the Debian package redis-server…');
  await run('apt-get', ['update'], { env, logFile: ctx.logFile });
  await run('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server'], { env, logFile: ctx.logFile });
}

async function ensure(ctx: StepContext): Promise<{ version: string; installed: boolean; artifact: string }> {
  let binary = whichSync('redis-server');
  const installed = !binary;
  if (!binary) {
    await aptInstall(ctx);
    binary = whichSync('redis-server');
    if (!binary) throw new Error('apt-get installed redis-server but it is not on PATH (expected /usr/bin/redis-server)');
  }
  const { stdout } = await run(binary, ['--version']);
  // "Redis server v=7.0.15 sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=..."
  const version = /v=(\S+)/.exec(stdout)?.[1] ?? 'unknown';
  return { version, installed, artifact: binary };
}

export const redisStep: SystemStep = { kind: 'system', id: 'redis', tool: 'redis', ensure };
