// Resident memory of everything a command started (Linux /proc), so `npm start` can say what the stack costs.
import fs from 'node:fs';
import { statFields } from './proc-stat.js';

/** Sum of VmRSS over `root` and all its descendants, in bytes; undefined where /proc is missing. */
export function treeRss(root = process.pid): { bytes: number; processes: number } | undefined {
  if (!fs.existsSync('/proc/self/stat')) return undefined;
  const parentOf = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = statFields(entry)?.[1];
    if (parent !== undefined) parentOf.set(Number(entry), Number(parent));
  }
  const inTree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, parent] of parentOf) {
      if (!inTree.has(pid) && inTree.has(parent)) {
        inTree.add(pid);
        grew = true;
      }
    }
  }
  let bytes = 0;
  for (const pid of inTree) {
    try {
      const kib = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      bytes += Number(kib ?? 0) * 1024;
    } catch {
      // ended meanwhile
    }
  }
  return { bytes, processes: inTree.size };
}

/** Samples treeRss() every `everyMs` and keeps the highest total seen. */
export function trackPeakRss(everyMs = 5_000): { peak(): number; stop(): void } {
  let peak = treeRss()?.bytes ?? 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRss()?.bytes ?? 0);
  }, everyMs);
  timer.unref();
  return { peak: () => Math.max(peak, treeRss()?.bytes ?? 0), stop: () => clearInterval(timer) };
}

export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
