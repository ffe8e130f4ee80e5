// tilt's web UI, built by yarn from the web/ source inside the tilt module into the pkg/assets/build it embeds.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { run } from '../exec.js';
import { buildDir } from '../layout.js';
import type { StepContext } from '../step.js';

/** Part of the tilt step's recipe, so binaries built before the UI was embedded get rebuilt. */
export const webRecipe = 'web/ built by its own yarn release (yarn install --immutable, yarn build) into pkg/assets/build';

/** Content hash of the web/ source and the Node that builds it: equal hashes give equal assets. */
function sourceKey(web: string): string {
  const hash = createHash('sha256').update(`node ${process.versions.node.split('.')[0]}\0`);
  const files = fs.readdirSync(web, { recursive: true, encoding: 'utf8' })
    .filter((f) => fs.statSync(path.join(web, f)).isFile())
    .sort();
  for (const file of files) hash.update(`${file}\0`).update(fs.readFileSync(path.join(web, file))).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** The yarn release that tilt's lockfile was written with, shipped in the module as `yarnPath`. */
function yarnRelease(web: string): string {
  const rc = fs.readFileSync(path.join(web, '.yarnrc.yml'), 'utf8');
  const release = /^yarnPath:\s*(\S+)\s*$/m.exec(rc)?.[1];
  if (!release || !fs.existsSync(path.join(web, release))) {
    throw new Error(`tilt's web/.yarnrc.yml names no yarn release inside the module: run its packageManager through npm (npm exec @yarnpkg/cli-dist@<version>) in steps/tilt-web.ts`);
  }
  return path.join(web, release);
}

async function yarnEnv(root: string, ctx: StepContext): Promise<NodeJS.ProcessEnv> {
  // yarn's default registry is registry.yarnpkg.com; the one npm is configured with is reachable wherever npm works.
  const { stdout } = await run('npm', ['config', 'get', 'registry'], { logFile: ctx.logFile });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
    YARN_NPM_REGISTRY_SERVER: stdout.trim().replace(/\/$/, ''),
    // Kept between builds: yarn names its archives by checksum, so a rebuild from the same lockfile downloads nothing.
    YARN_CACHE_FOLDER: path.join(root, 'yarn-cache'),
    YARN_ENABLE_GLOBAL_CACHE: 'false',
    // Otherwise yarn keeps a second copy of every archive under ~/.yarn, outside the toolchain's cache.
    YARN_ENABLE_MIRROR: 'false',
    YARN_GLOBAL_FOLDER: path.join(root, 'yarn-global'),
    YARN_ENABLE_TELEMETRY: '0',
    YARN_ENABLE_PROGRESS_BARS: 'false',
    BROWSERSLIST_IGNORE_OLD_DATA: '1',
  };
  // react-scripts turns warnings into errors under CI, and tilt's release build (make build-js) runs without it.
  delete env.CI;
  return env;
}

async function yarnBuild(web: string, root: string, label: string, ctx: StepContext): Promise<string> {
  const yarn = yarnRelease(web);
  const env = await yarnEnv(root, ctx);
  ctx.log(`${label}: web UI: yarn install --immutable (archives cached in ${env.YARN_CACHE_FOLDER})…`);
  await run(process.execPath, [yarn, 'install', '--immutable'], { cwd: web, env, logFile: ctx.logFile });
  ctx.log(`${label}: web UI: yarn build…`);
  await run(process.execPath, [yarn, 'build'], { cwd: web, env, logFile: ctx.logFile });
  const built = path.join(web, 'build');
  if (!fs.existsSync(path.join(built, 'index.html'))) throw new Error(`yarn build left no web/build/index.html; see ${ctx.logFile}`);
  // node_modules is most of a gigabyte that the Go build never reads.
  fs.rmSync(path.join(web, 'node_modules'), { recursive: true, force: true });
  return built;
}

/** Fills `<tilt>/pkg/assets/build` from `<tilt>/web`, reusing assets built earlier from identical sources. */
export async function buildWebAssets(tilt: string, label: string, ctx: StepContext): Promise<void> {
  const web = path.join(tilt, 'web');
  const root = buildDir(ctx.cache, 'tilt-web');
  const cached = path.join(root, `assets-${sourceKey(web)}`);
  if (fs.existsSync(path.join(cached, 'index.html'))) {
    ctx.log(`${label}: web UI: source unchanged, reusing ${cached}`);
  } else {
    const built = await yarnBuild(web, root, label, ctx);
    for (const old of fs.readdirSync(root)) if (old.startsWith('assets-')) fs.rmSync(path.join(root, old), { recursive: true, force: true });
    fs.cpSync(built, `${cached}.partial`, { recursive: true });
    fs.renameSync(`${cached}.partial`, cached);
  }
  fs.cpSync(cached, path.join(tilt, 'pkg', 'assets', 'build'), { recursive: true });
}
