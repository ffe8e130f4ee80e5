// Port checks that fail with the port's purpose and the variable that moves it.
import net from 'node:net';
import type { PortSetting } from './settings.js';

export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

export async function assertPortsFree(settings: readonly PortSetting[]): Promise<void> {
  const taken: string[] = [];
  for (const s of settings) {
    if (!(await isPortFree(s.port))) {
      taken.push(`port ${s.port} (${s.what}) is already in use: stop what holds it, or set ${s.variable} to another port`);
    }
  }
  if (taken.length > 0) throw new Error(taken.join('\n'));
}

/** A port the OS reports free right now (tests use these so they never collide with a running stack). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function waitForPort(port: number, what: string, timeoutMs: number, host = '127.0.0.1'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, host);
      socket.once('connect', () => { socket.destroy(); resolve(true); });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not open port ${port} within ${timeoutMs / 1000}s`);
}
