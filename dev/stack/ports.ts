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

// Below the kernel's ephemeral range (32768-60999 by default): a port picked there can be taken by any outgoing
// connection (Kafka clients open many) between our check and daprd's bind, which made sidecars fail to start.
// Picked at random, not in sequence, so two runs on one machine do not walk the same ports in step.
const firstPort = 20_000;
const lastPort = 32_000;
const handedOut = new Set<number>();

/** A port free right now and never handed out before by this process (tests use these so they never collide with a running stack). */
export async function freePort(): Promise<number> {
  for (let tries = 0; tries < 1_000; tries += 1) {
    const port = firstPort + Math.floor(Math.random() * (lastPort - firstPort));
    if (handedOut.has(port)) continue;
    handedOut.add(port);
    if (await isPortFree(port)) return port;
  }
  throw new Error(`no free port found between ${firstPort} and ${lastPort}: stop what holds them`);
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
