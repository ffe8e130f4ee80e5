// /proc/<pid>/stat on Linux, read the one safe way: the command name may hold spaces and parentheses, so the fields
// are counted after its closing ')'.
import fs from 'node:fs';

/** The fields after "pid (comm) ": [0] state, [1] parent pid, [11] utime, [12] stime; undefined once it is gone. */
export function statFields(pid: number | string): string[] | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}
