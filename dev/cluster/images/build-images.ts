// Builds and pushes every image the cluster runs; an image whose content tag the registry already holds is left alone.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { acquireLock } from '../../toolchain/lock.js';
import { toolchainPaths } from '../../toolchain/paths.js';
import { hasManifest } from '../registry.js';
import { binaryImage, type BinaryImage } from './binary-image.js';
import { Buildah } from './buildah.js';
import { FileDigests, TagHash } from './content-hash.js';
import { devStageImages, dockerfileImages } from './dockerfile-images.js';
import { dependencyImages } from './dependency-images.js';
import { RECIPE_REVISION, type Recipe, type RecipeContext } from './recipe.js';

export type { BinaryImage } from './binary-image.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface BuildImagesOptions {
  /** `host:port` of the registry to push to (see startRegistry). */
  readonly registry: string;
  /** Progress lines; defaults to stderr with an "[images]" prefix. */
  readonly log?: (line: string) => void;
  /** Also writes the returned map here, as JSON. */
  readonly outputFile?: string;
  /** Images that wrap prebuilt binaries (the Dapr control plane, CoreDNS, metrics-server). */
  readonly binaries?: readonly BinaryImage[];
  /** Only these logical names; default every image but the on-demand ones (the services' `dev` stages). */
  readonly only?: readonly string[];
  /** @default `<repo>/.cluster/images` */
  readonly workDir?: string;
}

async function inRegistry(registry: string, repo: string, tag: string): Promise<boolean> {
  try {
    return await hasManifest(registry, repo, tag);
  } catch (err) {
    throw new Error(`cannot ask the registry at ${registry} for ${repo}:${tag} (${(err as Error).message}): start it with startRegistry(), as \`npx tsx dev/cluster/images/main.ts\` does`, { cause: err });
  }
}

const seconds = (since: number) => Math.round((performance.now() - since) / 1000);

/** Logical name → full reference (`127.0.0.1:5000/commercex/orders:<tag>`) of every image, built and pushed if missing. */
export async function buildImages(options: BuildImagesOptions): Promise<Record<string, string>> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[images] ${line}\n`));
  const workDir = options.workDir ?? path.join(repoRoot, '.cluster', 'images');
  const all = [...dockerfileImages(), ...dependencyImages(), ...(options.binaries ?? []).map(binaryImage)];
  const known = [...all, ...devStageImages()];
  const unknown = (options.only ?? []).filter((n) => !known.some((r) => r.name === n));
  if (unknown.length > 0) throw new Error(`unknown image ${unknown.join(', ')}; choose from ${known.map((r) => r.name).join(', ')}`);
  const recipes = options.only ? known.filter((r) => options.only!.includes(r.name)) : all;

  const tags = new Map<Recipe, string>();
  const ctx: RecipeContext = {
    repoRoot,
    workDir,
    cacheRoot: toolchainPaths.cacheRoot,
    digests: new FileDigests(path.join(workDir, 'digests.json')),
    refOf: (r) => `localhost/${r.repo}:${tags.get(r)!}`,
  };
  const tagOf = async (r: Recipe): Promise<string> => {
    const known = tags.get(r);
    if (known) return known;
    const hash = new TagHash().add('revision', RECIPE_REVISION).add('repo', r.repo);
    for (const base of r.bases) hash.add(`base:${base.name}`, await tagOf(base));
    await r.hash(hash, ctx);
    tags.set(r, hash.tag());
    return hash.tag();
  };
  // Every tag first, so a missing input (a binary not built yet) is reported before any long build starts.
  const problems: string[] = [];
  for (const r of recipes) await tagOf(r).catch((err: Error) => problems.push(`${r.name}: ${err.message}`));
  ctx.digests.save();
  if (problems.length > 0) throw new Error(`cannot build every image:\n  ${problems.join('\n  ')}`);

  const logFile = (r: Recipe) => path.join(workDir, 'logs', `${r.name.replaceAll('/', '-')}.log`);
  const build = async (r: Recipe, ref: string, label: string): Promise<void> => {
    const started = performance.now();
    const buildah = new Buildah(logFile(r));
    fs.rmSync(buildah.logFile, { force: true });
    log(`${label}: building…`);
    try {
      await r.build(ref, buildah, ctx);
      if (r.kind === 'image') await buildah.push(ref);
    } catch (err) {
      throw new Error(`${label}: ${(err as Error).message}`, { cause: err });
    }
    log(`${label}: built in ${seconds(started)} s`);
  };
  const bases = new Map<Recipe, Promise<void>>();
  const ensureBase = (r: Recipe): Promise<void> => {
    let ready = bases.get(r);
    if (!ready) {
      ready = (async () => {
        for (const b of r.bases) await ensureBase(b);
        if (!(await new Buildah(logFile(r)).imageExists(ctx.refOf(r)))) await build(r, ctx.refOf(r), `${r.name} (base)`);
      })();
      bases.set(r, ready);
    }
    return ready;
  };

  const refs = Object.fromEntries(recipes.map((r) => [r.name, `${options.registry}/${r.repo}:${tags.get(r)!}`]));
  const present = (r: Recipe) => inRegistry(options.registry, r.repo, tags.get(r)!);
  const missing: Recipe[] = [];
  for (const r of recipes) {
    if (await present(r)) log(`${r.name}: cached`);
    else missing.push(r);
  }
  if (missing.length > 0) {
    // One image build at a time on this machine: buildah and npm ci each take every core they get.
    const release = await acquireLock(workDir, 'build', (m) => log(m.replace('toolchain build', 'image build')));
    try {
      for (const r of missing) {
        if (await present(r)) {
          log(`${r.name}: pushed by another build`);
          continue;
        }
        for (const b of r.bases) await ensureBase(b);
        await build(r, refs[r.name]!, r.name);
      }
    } finally {
      release();
    }
  }
  if (options.outputFile) {
    fs.mkdirSync(path.dirname(options.outputFile), { recursive: true });
    fs.writeFileSync(options.outputFile, `${JSON.stringify(refs, null, 2)}\n`);
  }
  return refs;
}
