// The cluster's local processes: started detached (they outlive `npm run cluster`), one pid file and one log each.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface DaemonSpec {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
}

export interface DaemonDirs {
  readonly pids: string;
  readonly logs: string;
}

const pidFile = (dirs: DaemonDirs, name: string) => path.join(dirs.pids, `${name}.pid`);
export const logOf = (dirs: DaemonDirs, name: string) => path.join(dirs.logs, `${name}.log`);

/** Exists and is not a zombie (a child this process started and has not reaped yet lingers as one). */
function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.charAt(stat.lastIndexOf(')') + 2) !== 'Z';
  } catch {
    return false;
  }
}

/** The pid of `name` if it runs the command it was started with (a reused pid of another program does not count). */
export function runningPid(dirs: DaemonDirs, name: string): number | undefined {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(pidFile(dirs, name), 'utf8'));
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid < 2 || !alive(pid)) return undefined;
  try {
    const expected = fs.readFileSync(`${pidFile(dirs, name)}.cmd`, 'utf8');
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] === expected ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Starts the daemon unless it already runs; returns whether it was started now. */
export async function startDaemon(dirs: DaemonDirs, spec: DaemonSpec): Promise<boolean> {
  if (runningPid(dirs, spec.name) !== undefined) return false;
  fs.mkdirSync(dirs.pids, { recursive: true });
  fs.mkdirSync(dirs.logs, { recursive: true });
  const log = fs.openSync(logOf(dirs, spec.name), 'a');
  const child = spawn(spec.command, spec.args, { detached: true, stdio: ['ignore', log, log], env: spec.env ?? process.env });
  fs.closeSync(log);
  // Until exec has happened, /proc/<pid>/cmdline still shows node, and runningPid would not recognise it.
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (err) => reject(new Error(`${spec.name}: could not start ${spec.command}: ${err.message}`)));
  });
  if (child.pid === undefined) throw new Error(`${spec.name}: could not start ${spec.command}`);
  child.unref();
  fs.writeFileSync(pidFile(dirs, spec.name), String(child.pid));
  fs.writeFileSync(`${pidFile(dirs, spec.name)}.cmd`, spec.command);
  return true;
}

/** The last lines of a daemon's log, for error messages. */
export function logTail(dirs: DaemonDirs, name: string, lines = 15): string {
  try {
    return fs.readFileSync(logOf(dirs, name), 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
export async function stopDaemon(dirs: DaemonDirs, name: string, graceMs = 10_000): Promise<boolean> {
  const pid = runningPid(dirs, name);
  fs.rmSync(pidFile(dirs, name), { force: true });
  if (pid === undefined) return false;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
  while (alive(pid)) await new Promise((r) => setTimeout(r, 50));
  return true;
}

/** Polls `check` until it passes; fails with the daemon's log tail if the daemon died or time ran out. */
export async function waitUntil(dirs: DaemonDirs, name: string, what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    if (runningPid(dirs, name) === undefined) throw new Error(`${name} exited before ${what}; its log (${logOf(dirs, name)}) ends:\n${logTail(dirs, name)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name}: ${what} not within ${timeoutMs / 1000}s; its log (${logOf(dirs, name)}) ends:\n${logTail(dirs, name)}`);
}

/** Starts the daemon unless it runs, waits until `check` passes, and logs how long that took. */
export async function ensureDaemon(dirs: DaemonDirs, spec: DaemonSpec, what: string, check: () => Promise<boolean>, log: (line: string) => void, timeoutMs = 90_000): Promise<number> {
  const started = performance.now();
  const fresh = await startDaemon(dirs, spec);
  await waitUntil(dirs, spec.name, what, timeoutMs, check);
  log(`${spec.name}: ${fresh ? `${what} in ${((performance.now() - started) / 1000).toFixed(1)} s` : 'already running'}`);
  return runningPid(dirs, spec.name)!;
}

/** Writes `text` unless the file already holds it: kube-proxy exits when its config file is written, even unchanged. */
export function writeConfig(file: string, text: string): void {
  try {
    if (fs.readFileSync(file, 'utf8') === text) return;
  } catch {
    // not written yet
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}
