// An image on the Debian base: a setup script run as root (packages, users), files from this machine, then its config.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { debianBase } from './base-images.js';
import type { Recipe } from './recipe.js';

/** Files of ours that go into images (entrypoints, configs) sit beside this module. */
export const imagesDir = path.dirname(fileURLToPath(import.meta.url));

export interface ImageFile {
  readonly from: string;
  /** Absolute path in the image. */
  readonly to: string;
  /** @default the source file's mode */
  readonly mode?: number;
  /** What to do when `from` is missing, e.g. which toolchain step builds it. */
  readonly hint?: string;
}

export interface DebianImageSpec {
  readonly name: string;
  readonly repo: string;
  /** Shell run as root before the files are added; empty for none. */
  readonly setup: string;
  /** Listed when the tag is computed, so a directory's current content counts. */
  readonly files: () => readonly ImageFile[];
  /** `buildah config` arguments: entrypoint, cmd, user, env, ports. */
  readonly config: readonly string[];
}

/** apt-get install without recommends, leaving no package lists behind. */
export function aptInstall(packages: readonly string[]): string {
  return [
    'apt-get update -qq',
    `DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${packages.join(' ')} >/dev/null`,
    'rm -rf /var/lib/apt/lists/* /var/cache/apt/*',
  ].join('\n');
}

/** Every file under `dir` as an ImageFile into `to`. */
export function directoryFiles(dir: string, to: string, hint: string): ImageFile[] {
  if (!fs.existsSync(dir)) return [{ from: dir, to, hint }];
  return fs.readdirSync(dir).sort().map((name) => ({ from: path.join(dir, name), to: path.posix.join(to, name), hint }));
}

export function debianImage(spec: DebianImageSpec): Recipe {
  return {
    name: spec.name,
    repo: spec.repo,
    kind: 'image',
    bases: [debianBase],
    hash(tag, ctx) {
      tag.add('setup', spec.setup).add('config', JSON.stringify(spec.config));
      for (const f of spec.files()) {
        const digest = ctx.digests.digest(f.from, f.hint);
        tag.add(`file:${f.to}`, `${(f.mode ?? fs.statSync(f.from).mode & 0o777).toString(8)} ${digest}`);
      }
    },
    async build(ref, buildah, ctx) {
      await buildah.build(ctx.refOf(debianBase), ref, async (c) => {
        if (spec.setup) await buildah.run(c, spec.setup);
        const root = await buildah.mount(c);
        for (const f of spec.files()) {
          const target = path.join(root, f.to);
          fs.mkdirSync(path.dirname(target), { recursive: true });
          fs.copyFileSync(f.from, target);
          fs.chmodSync(target, f.mode ?? fs.statSync(f.from).mode & 0o777);
        }
        await buildah.umount(c);
        await buildah.config(c, spec.config);
      });
    },
  };
}
