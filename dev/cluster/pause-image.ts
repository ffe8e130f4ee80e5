// The pod sandbox's binary: Kubernetes' own pause.c from the k8s.io/kubernetes module, linked statically
// (registry.k8s.io, where its image normally comes from, cannot be reached). cluster-images.ts wraps it in an image.
import fs from 'node:fs';
import path from 'node:path';
import { run } from '../toolchain/exec.js';
import { moduleSource } from '../toolchain/steps/go.js';
import { PAUSE_IMAGE_TAG } from './containerd.js';
import { KUBERNETES_VERSION } from './settings.js';

/** Compiles pause once per Kubernetes and pause version; returns the binary. */
export async function pauseBinary(workDir: string, logFile: string): Promise<string> {
  const binary = path.join(workDir, `pause-${PAUSE_IMAGE_TAG}-k8s-${KUBERNETES_VERSION}`);
  if (fs.existsSync(binary)) return binary;
  const source = await moduleSource('k8s.io/kubernetes', `v${KUBERNETES_VERSION}`, { cache: workDir, logFile, log: () => undefined });
  fs.mkdirSync(workDir, { recursive: true });
  const partial = `${binary}.partial`;
  await run('gcc', ['-Os', '-static', '-Wall', '-Werror', `-DVERSION=v${PAUSE_IMAGE_TAG}`, '-o', partial, path.join(source, 'build/pause/linux/pause.c')], { logFile });
  await run('strip', [partial], { logFile });
  fs.renameSync(partial, binary);
  return binary;
}
