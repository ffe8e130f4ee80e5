// What `npm run cluster` says before it starts anything on a machine that cannot take it.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkMachine } from '../prerequisites.js';
import { clusterPaths, clusterSettings } from '../settings.js';

const servers: net.Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

function holdPort(host: string): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, host, () => resolve((server.address() as net.AddressInfo).port));
    servers.push(server);
  });
}

describe('the machine check before the cluster starts', () => {
  it('when the etcd port is taken by another program, then it refuses, naming the port, its owner and the variable that moves it', async () => {
    const port = await holdPort('127.0.0.1');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-check-'));
    const s = clusterSettings({ ...process.env, COMMERCEX_CLUSTER_DIR: dir, CLUSTER_ETCD_PORT: String(port) });
    await expect(checkMachine(s, clusterPaths(s))).rejects.toThrow(`port ${port} on 127.0.0.1 (etcd) is in use: stop what holds it, or set CLUSTER_ETCD_PORT`);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('when a port variable is not a port, then the settings say which variable is wrong', () => {
    expect(() => clusterSettings({ ...process.env, CLUSTER_API_PORT: 'https' })).toThrow('CLUSTER_API_PORT=https is not a port number');
  });
});
