// The pod sandbox image: Kubernetes' own pause.c from the k8s.io/kubernetes module, linked statically, alone
// in an image (registry.k8s.io, where it normally comes from, cannot be reached).
import fs from 'node:fs';
import path from 'node:path';
import { run } from '../toolchain/exec.js';
import { moduleSource } from '../toolchain/steps/go.js';
import { KUBERNETES_VERSION } from './settings.js';
import { PAUSE_IMAGE_TAG } from './containerd.js';
import { hasManifest } from './registry.js';

/** Builds and pushes `<registry>/k8s/pause:<tag>` unless the registry has it; returns the reference. */
export async function ensurePauseImage(registry: string, workDir: string, logFile: string, log: (line: string) => void): Promise<string> {
  const ref = `${registry}/k8s/pause:${PAUSE_IMAGE_TAG}`;
  if (await hasManifest(registry, 'k8s/pause', PAUSE_IMAGE_TAG)) return ref;
  const started = performance.now();
  const source = await moduleSource('k8s.io/kubernetes', `v${KUBERNETES_VERSION}`, { cache: workDir, logFile, log });
  fs.mkdirSync(workDir, { recursive: true });
  const binary = path.join(workDir, 'pause');
  await run('gcc', ['-Os', '-static', '-Wall', '-Werror', `-DVERSION=v${PAUSE_IMAGE_TAG}`, '-o', binary, path.join(source, 'build/pause/linux/pause.c')], { logFile });
  await run('strip', [binary], { logFile });
  const { stdout } = await run('buildah', ['from', 'scratch'], { logFile });
  const container = stdout.trim();
  try {
    await run('buildah', ['copy', '--chmod', '0755', container, binary, '/pause'], { logFile });
    await run('buildah', ['config', '--entrypoint', '["/pause"]', '--user', '65535:65535', container], { logFile });
    await run('buildah', ['commit', '--rm', '--format', 'oci', container, `localhost/k8s/pause:${PAUSE_IMAGE_TAG}`], { logFile });
  } catch (err) {
    await run('buildah', ['rm', container], { logFile }).catch(() => undefined);
    throw err;
  }
  await run('buildah', ['push', '--tls-verify=false', `localhost/k8s/pause:${PAUSE_IMAGE_TAG}`, `docker://${ref}`], { logFile });
  log(`pause image: built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return ref;
}
