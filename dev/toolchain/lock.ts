// One build at a time per cache, across processes: the machine has few cores and builds are heavy.
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ownerOf(lockDir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function ageMs(lockDir: string): number {
  try {
    return Date.now() - fs.statSync(lockDir).mtimeMs;
  } catch {
    return 0;
  }
}

/** Takes `<cache>/.locks/<name>` (mkdir is atomic); a lock whose owner died is taken over. */
export async function acquireLock(cache: string, name: string, log: (m: string) => void): Promise<() => void> {
  const lockDir = path.join(cache, '.locks', name);
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  let announced = false;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      return () => fs.rmSync(lockDir, { recursive: true, force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = ownerOf(lockDir);
    // A just-created lock may not have its pid file yet, so an owner-less lock gets a few seconds.
    if (owner ? !alive(owner) : ageMs(lockDir) > 10_000) {
      fs.rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (!announced) {
      log(`waiting for another toolchain build (pid ${owner ?? '?'}) to finish…`);
      announced = true;
    }
    await sleep(1000);
  }
}
