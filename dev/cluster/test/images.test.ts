import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../toolchain/exec.js';
import { whichSync } from '../../toolchain/layout.js';
import { toolchainPaths } from '../../toolchain/paths.js';
import { selectContext } from '../images/build-context.js';
import { buildImages, repoRoot, type BinaryImage } from '../images/build-images.js';
import { hasManifest, startRegistry, stopRegistry, tagManifest, type RunningRegistry } from '../registry.js';

// Building needs root, buildah and mmdebstrap; the registry comes from the toolchain (`npm run toolchain -- registry`).
const canBuild = process.getuid?.() === 0 && !!whichSync('buildah') && !!whichSync('mmdebstrap') && fs.existsSync(toolchainPaths.registry);
const minutes = (n: number) => n * 60_000;

describe('build contexts', () => {
  it('when a service Dockerfile is built, then its context holds the libraries\' sources but no builds, tests or other services', () => {
    const files = selectContext(repoRoot, path.join(repoRoot, 'services/orders/Dockerfile.dockerignore'));
    expect(files).toContain('package-lock.json');
    expect(files).toContain('services/cart/package.json');
    expect(files.some((f) => f.startsWith('libs/platform/src/'))).toBe(true);
    expect(files.some((f) => f.startsWith('services/orders/src/'))).toBe(true);
    expect(files.filter((f) => /(^|\/)(node_modules|dist|test)\//.test(f) || f.startsWith('services/cart/src/'))).toEqual([]);
  });
});

describe('registry', () => {
  it('when its port is taken, then starting it fails naming the port', async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as net.AddressInfo).port;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-test-'));
    try {
      await expect(startRegistry({ dataDir, port })).rejects.toThrow(new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use`));
    } finally {
      holder.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!canBuild)('cluster images', () => {
  const dataDir = path.join(repoRoot, '.cluster', 'registry');
  const outputFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'images-test-')), 'images.json');
  // Any static binary serves to check the generic path; the registry's own is always there.
  const binary: BinaryImage = { repo: 'commercex-test/registry', files: [{ from: toolchainPaths.registry, to: '/bin/registry' }], entrypoint: ['/bin/registry'], cmd: ['--version'], user: 65532 };
  const only = ['orders', binary.repo];
  let registry: RunningRegistry;
  let refs: Record<string, string>;
  const second: string[] = [];
  let secondSeconds = 0;

  beforeAll(async () => {
    registry = await startRegistry({ dataDir });
    refs = await buildImages({ registry: registry.address, only, binaries: [binary], outputFile, log: () => {} });
    const started = performance.now();
    await buildImages({ registry: registry.address, only, binaries: [binary], log: (line) => second.push(line) });
    secondSeconds = (performance.now() - started) / 1000;
  }, minutes(20));

  afterAll(async () => {
    if (registry?.started) await stopRegistry(dataDir);
  });

  it('when nothing changed since the last build, then every image reports cached within seconds', () => {
    expect(second).toEqual(only.map((name) => `${name}: cached`));
    expect(secondSeconds).toBeLessThan(15);
  });

  it('when images are built, then the registry holds them under content tags and the map file lists them', async () => {
    expect(refs.orders).toMatch(new RegExp(`^${registry.address.replaceAll('.', '\\.')}/commercex/orders:[0-9a-f]{20}$`));
    for (const ref of Object.values(refs)) {
      const [, repo, tag] = /^[^/]+\/(.+):([^:]+)$/.exec(ref)!;
      expect(await hasManifest(registry.address, repo!, tag!)).toBe(true);
    }
    expect(JSON.parse(fs.readFileSync(outputFile, 'utf8'))).toEqual(refs);
  });

  it('when an image is given a second tag in the registry, then both tags name the same manifest', async () => {
    const [, repo, tag] = /^[^/]+\/(.+):([^:]+)$/.exec(refs[binary.repo]!)!;
    await tagManifest(registry.address, repo!, tag!, 'second-name');
    const digest = async (t: string) => (await fetch(`http://${registry.address}/v2/${repo}/manifests/${t}`, {
      method: 'HEAD', headers: { accept: 'application/vnd.oci.image.manifest.v1+json' },
    })).headers.get('docker-content-digest');
    expect(await digest('second-name')).toBe(await digest(tag!));
  });

  it('when the registry is started again, then the running one is reused', async () => {
    const again = await startRegistry({ dataDir });
    expect(again).toMatchObject({ address: registry.address, pid: registry.pid, started: false });
  });

  it('when the orders image is pulled, then its default command runs its entry point on Node 24 as the node user', async () => {
    const container = (await run('buildah', ['from', '--tls-verify=false', refs.orders!])).stdout.trim();
    try {
      const inspected = JSON.parse((await run('buildah', ['inspect', '--type', 'container', container])).stdout) as {
        OCIv1: { config: { Cmd: string[]; User: string; WorkingDir: string } };
      };
      const config = inspected.OCIv1.config;
      expect(config).toMatchObject({ User: 'node', WorkingDir: '/app/services/orders' });
      expect(config.Cmd).toEqual(['node', '--import', '@commercex/platform/telemetry', 'dist/main.js']);
      const { stdout } = await run('buildah', ['run', container, '--', 'sh', '-c', 'id -u; node --version; test -f dist/main.js && echo entry']);
      expect(stdout.trim().split('\n')).toEqual(['1000', expect.stringMatching(/^v24\./), 'entry']);
    } finally {
      await run('buildah', ['rm', container]);
    }
  }, minutes(2));

  it('when a binary image is described, then it runs that binary as the given non-root user', async () => {
    const container = (await run('buildah', ['from', '--tls-verify=false', refs[binary.repo]!])).stdout.trim();
    try {
      const { stdout } = await run('buildah', ['run', container, '--', 'sh', '-c', 'id -u; /bin/registry --version']);
      expect(stdout).toMatch(/^65532\n\/bin\/registry github\.com\/distribution\/distribution\/v3 v3\.0\.0/);
    } finally {
      await run('buildah', ['rm', container]);
    }
  }, minutes(2));
});
