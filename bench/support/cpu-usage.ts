// CPU time per process from /proc (Linux), so a scenario can show which processes its load kept busy.
import { statFields } from '../../dev/stack/proc-stat.js';

export interface Watched {
  name: string;
  pid: number | undefined;
}

// USER_HZ: 100 on every Linux this runs on.
const ticksPerSecond = 100;

/** utime + stime of one process in seconds, undefined once it is gone (or off Linux). */
function cpuSeconds(pid: number): number | undefined {
  const fields = statFields(pid);
  return fields && (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

export type CpuSnapshot = Map<string, number>;

export function cpuSnapshot(processes: readonly Watched[]): CpuSnapshot {
  const snapshot: CpuSnapshot = new Map();
  for (const p of processes) {
    const s = p.pid === undefined ? undefined : cpuSeconds(p.pid);
    if (s !== undefined) snapshot.set(p.name, (snapshot.get(p.name) ?? 0) + s);
  }
  return snapshot;
}

/** The busiest processes between two snapshots, as "name 1.2 s" sorted by CPU time. */
export function busiest(before: CpuSnapshot, after: CpuSnapshot, top: number): Array<{ name: string; seconds: number }> {
  return [...after]
    .map(([name, s]) => ({ name, seconds: s - (before.get(name) ?? 0) }))
    .sort((a, b) => b.seconds - a.seconds)
    .slice(0, top);
}
