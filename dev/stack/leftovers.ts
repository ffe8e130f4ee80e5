// Processes a run started that outlived whoever started them. Test workers can be killed without running their exit
// handlers, and the services and sidecars they spawned (in their own process groups) then keep running; every one of
// them inherits the run's marker variable, which is how they are found (Linux /proc; elsewhere nothing is found).
import fs from 'node:fs';

/** Pids of processes whose environment has `name=value`, this process excluded. */
export function processesMarked(name: string, value: string): number[] {
  if (!fs.existsSync('/proc/self/environ')) return [];
  const marker = `${name}=${value}`;
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').includes(marker)) found.push(Number(entry));
    } catch {
      // ended meanwhile, or not ours to read
    }
  }
  return found;
}

/** SIGKILLs every process marked with `name=value`; returns how many there were. */
export function killMarked(name: string, value: string): number {
  const pids = processesMarked(name, value);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  return pids.length;
}
