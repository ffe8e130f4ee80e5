// The two bases, made here because no registry can be pulled from: Debian from its packages, and Debian with Node 24.
import fs from 'node:fs';
import path from 'node:path';
import { run } from '../../toolchain/exec.js';
import type { Recipe, RecipeContext } from './recipe.js';

const suite = 'bookworm';
const mirrors = [
  `deb http://deb.debian.org/debian ${suite} main`,
  `deb http://deb.debian.org/debian ${suite}-updates main`,
  `deb http://deb.debian.org/debian-security ${suite}-security main`,
];
// Documentation and translations are dead weight in an image; later apt installs honour these too.
const dpkgOptions = [
  'path-exclude=/usr/share/doc/*', 'path-include=/usr/share/doc/*/copyright',
  'path-exclude=/usr/share/man/*', 'path-exclude=/usr/share/info/*', 'path-exclude=/usr/share/locale/*',
];
const mmdebstrapArgs = [
  '--variant=minbase', '--mode=root', '--format=directory',
  ...dpkgOptions.map((o) => `--dpkgopt=${o}`), '--aptopt=APT::Install-Recommends "false"',
];
const systemPath = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export const debianBase: Recipe = {
  name: 'debian',
  repo: 'commercex/debian',
  kind: 'base',
  bases: [],
  hash(tag) {
    tag.add('mmdebstrap', [...mmdebstrapArgs, suite, ...mirrors].join('\n'));
  },
  async build(ref, buildah) {
    await buildah.build('scratch', ref, async (c) => {
      const root = await buildah.mount(c);
      await run('mmdebstrap', [...mmdebstrapArgs, suite, root, ...mirrors], { logFile: buildah.logFile });
      await buildah.umount(c);
      await buildah.config(c, ['--env', `PATH=${systemPath}`, '--env', 'LANG=C.UTF-8', '--cmd', '["bash"]']);
    });
  },
};

/** Any npm 11 runs `npm ci` on the lockfile; a pinned one keeps the base's tag stable. */
export const npmVersion = '11.21.2';

function nodeBinary(ctx: RecipeContext): string {
  return path.join(ctx.repoRoot, 'node_modules', 'node', 'bin', 'node');
}

/** npm as published, packed once into the toolchain cache. */
async function npmTarball(ctx: RecipeContext): Promise<string> {
  const dir = path.join(ctx.cacheRoot, 'images');
  const file = path.join(dir, `npm-${npmVersion}.tgz`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    await run('npm', ['pack', `npm@${npmVersion}`, '--pack-destination', dir, '--silent']);
  }
  return file;
}

// The node user of the official node images: uid and gid 1000, home /home/node.
const setup = [
  'apt-get update -qq',
  'apt-get install -y -qq --no-install-recommends ca-certificates',
  'rm -rf /var/lib/apt/lists/* /var/cache/apt/*',
  'groupadd --gid 1000 node',
  'useradd --uid 1000 --gid node --shell /bin/bash --create-home node',
].join('\n');

export const nodeBase: Recipe = {
  name: 'node',
  repo: 'commercex/node',
  kind: 'base',
  bases: [debianBase],
  async hash(tag, ctx) {
    tag.add('node', ctx.digests.digest(nodeBinary(ctx), 'run `npm ci` in the repository first (the node devDependency brings Node 24)'));
    tag.add('npm', ctx.digests.digest(await npmTarball(ctx))).add('setup', setup);
  },
  async build(ref, buildah, ctx) {
    const tarball = await npmTarball(ctx);
    await buildah.build(ctx.refOf(debianBase), ref, async (c) => {
      await buildah.run(c, setup);
      const root = await buildah.mount(c);
      fs.copyFileSync(nodeBinary(ctx), path.join(root, 'usr/local/bin/node'));
      fs.chmodSync(path.join(root, 'usr/local/bin/node'), 0o755);
      const npmDir = path.join(root, 'usr/local/lib/node_modules/npm');
      fs.mkdirSync(npmDir, { recursive: true });
      await run('tar', ['-xzf', tarball, '-C', npmDir, '--strip-components=1', '--no-same-owner'], { logFile: buildah.logFile });
      fs.symlinkSync('../lib/node_modules/npm/bin/npm-cli.js', path.join(root, 'usr/local/bin/npm'));
      fs.symlinkSync('../lib/node_modules/npm/bin/npx-cli.js', path.join(root, 'usr/local/bin/npx'));
      await buildah.umount(c);
      await buildah.run(c, 'node --version && npm --version >/dev/null');
      await buildah.config(c, ['--cmd', '["node"]']);
    });
  },
};
