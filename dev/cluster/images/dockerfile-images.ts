// Images from the project's own Dockerfiles (the eight services, the payment provider), built by `buildah bud` on the node base.
import fs from 'node:fs';
import path from 'node:path';
import tls from 'node:tls';
import { hashContext, selectContext, stageContext } from './build-context.js';
import { nodeBase } from './base-images.js';
import type { Recipe, RecipeContext } from './recipe.js';

export const serviceNames = ['gateway', 'users', 'catalog', 'cart', 'orders', 'inventory', 'payments', 'notifications'] as const;

/** BuildKit's rule: `<Dockerfile>.dockerignore` beside the Dockerfile, else `.dockerignore` in the context. */
function ignoreFileFor(repoRoot: string, dockerfile: string): string | undefined {
  return [`${dockerfile}.dockerignore`, '.dockerignore'].map((f) => path.join(repoRoot, f)).find((f) => fs.existsSync(f));
}

/**
 * npm inside the build trusts what npm on this machine trusts: Node's roots plus NODE_EXTRA_CA_CERTS (a TLS-inspecting
 * proxy's CA, say). Both arrive as bind mounts of RUN steps, so nothing of this machine ends up in a layer.
 */
function npmMounts(ctx: RecipeContext): string[] {
  const dir = path.join(ctx.workDir, 'npm');
  fs.mkdirSync(dir, { recursive: true });
  const lines = ['update-notifier=false'];
  const mounts: string[] = [];
  const extra = process.env.NODE_EXTRA_CA_CERTS;
  if (extra && fs.existsSync(extra)) {
    fs.writeFileSync(path.join(dir, 'ca.pem'), `${tls.rootCertificates.join('\n')}\n${fs.readFileSync(extra, 'utf8')}`);
    mounts.push('-v', `${path.join(dir, 'ca.pem')}:/usr/local/etc/npm-build-ca.pem:ro`);
    lines.push('cafile=/usr/local/etc/npm-build-ca.pem');
  }
  // npm's global config for a node in /usr/local/bin.
  fs.writeFileSync(path.join(dir, 'npmrc'), `${lines.join('\n')}\n`);
  return [...mounts, '-v', `${path.join(dir, 'npmrc')}:/usr/local/etc/npmrc:ro`];
}

/** `target`: a stage other than the Dockerfile's last, e.g. `dev` (Tilt's live update); it names the image `<name>-<target>`. */
export function dockerfileImage(base: string, dockerfile: string, target?: string): Recipe {
  const name = target ? `${base}-${target}` : base;
  const context = (ctx: RecipeContext) => selectContext(ctx.repoRoot, ignoreFileFor(ctx.repoRoot, dockerfile));
  return {
    name,
    repo: `commercex/${name}`,
    kind: 'image',
    bases: [nodeBase],
    hash(tag, ctx) {
      tag.add('dockerfile', fs.readFileSync(path.join(ctx.repoRoot, dockerfile), 'utf8'));
      if (target) tag.add('target', target);
      hashContext(ctx.repoRoot, context(ctx), ctx.digests, tag);
    },
    async build(ref, buildah, ctx) {
      const dir = path.join(ctx.workDir, 'context', name);
      stageContext(ctx.repoRoot, context(ctx), dir);
      // The staged copy is the context already; an empty ignore file stops buildah applying the original again.
      const noIgnore = path.join(ctx.workDir, 'context', 'empty.dockerignore');
      fs.writeFileSync(noIgnore, '');
      await buildah.exec([
        'bud', '--layers', '--network', 'host', '--pull=never', '--format', 'oci',
        '-f', path.join(ctx.repoRoot, dockerfile), '--ignorefile', noIgnore,
        ...(target ? ['--target', target] : []),
        '--build-arg', `NODE_IMAGE=${ctx.refOf(nodeBase)}`, ...npmMounts(ctx), '-t', ref, dir,
      ]);
    },
  };
}

/** The services' `dev` stages, which Tilt deploys on the local cluster; built only when asked for by name. */
export function devStageImages(): Recipe[] {
  return serviceNames.map((s) => dockerfileImage(s, `services/${s}/Dockerfile`, 'dev'));
}

export function dockerfileImages(): Recipe[] {
  return [
    ...serviceNames.map((s) => dockerfileImage(s, `services/${s}/Dockerfile`)),
    dockerfileImage('payment-provider', 'dev/payment-provider/Dockerfile'),
  ];
}
