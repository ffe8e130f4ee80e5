// Runs build commands with their output in a log file, failing with the command and its last lines.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Appends stdout and stderr here; without it, output is only kept in memory. */
  readonly logFile?: string;
}

export interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
}

export class CommandError extends Error {
  constructor(readonly command: string, readonly code: number | null, readonly output: string, readonly logFile?: string) {
    const tail = output.trimEnd().split('\n').slice(-25).join('\n');
    super(`\`${command}\` failed (exit ${code ?? 'signal'})${logFile ? `; full log: ${logFile}` : ''}\n${tail}`);
  }
}

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const line = [command, ...args].map(quote).join(' ');
  let log: fs.WriteStream | undefined;
  if (options.logFile) {
    fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
    log = fs.createWriteStream(options.logFile, { flags: 'a' });
    log.write(`\n$ ${options.cwd ? `(cd ${options.cwd}) ` : ''}${line}\n`);
  }
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let both = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk; both += chunk; log?.write(chunk); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk; both += chunk; log?.write(chunk); });
    child.once('error', (err) => {
      log?.end();
      reject(new CommandError(line, null, `${err.message}\n`, options.logFile));
    });
    child.once('close', (code) => {
      log?.end();
      if (code === 0) resolve({ stdout, stderr });
      else reject(new CommandError(line, code, both, options.logFile));
    });
  });
}
