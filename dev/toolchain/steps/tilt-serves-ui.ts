// Proves a tilt binary embeds its web UI: `tilt ci` passes only if its server hands the UI to a local resource.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { run } from '../exec.js';
import { sourcesDir } from '../layout.js';
import type { StepContext } from '../step.js';

const checkScript = path.join(sourcesDir, 'tilt', 'check-ui.ts');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Runs `tilt ci` on a one-resource Tiltfile in a scratch HOME (no kubeconfig, so no cluster is touched). */
export async function assertServesUi(binary: string, ctx: StepContext): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tilt-ui-check-'));
  const report = path.join(dir, 'ui.txt');
  try {
    const cmd = [process.execPath, checkScript, report].map((a) => JSON.stringify(a)).join(', ');
    fs.writeFileSync(path.join(dir, 'Tiltfile'), `local_resource('web-ui', cmd=[${cmd}])\n`);
    const port = String(await freePort());
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: dir, TILT_DISABLE_ANALYTICS: '1' };
    await run(binary, ['ci', '--host', '127.0.0.1', '--port', port, '--timeout', '2m'], { cwd: dir, env, logFile: ctx.logFile })
      .catch((err: Error) => {
        throw new Error(`${binary} does not serve its web UI (were the web assets built into pkg/assets/build?): see ${ctx.logFile}\n${err.message}`);
      });
    if (!fs.existsSync(report)) throw new Error(`tilt ci passed without running ${checkScript}; see ${ctx.logFile}`);
    return fs.readFileSync(report, 'utf8').trim();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
