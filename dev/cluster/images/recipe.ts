// What every image declares: where it goes, what its tag hashes, and how it is built from its base.
import type { Buildah } from './buildah.js';
import type { FileDigests, TagHash } from './content-hash.js';

export interface RecipeContext {
  readonly repoRoot: string;
  /** Logs, staged build contexts and digests: `<repo>/.cluster/images`. */
  readonly workDir: string;
  /** The toolchain cache, for downloads shared by every clone (the npm tarball). */
  readonly cacheRoot: string;
  readonly digests: FileDigests;
  /** The local reference of a base, built or found before any image that needs it. */
  refOf(recipe: Recipe): string;
}

export interface Recipe {
  /** Logical name, the key of the map buildImages() returns: `orders`, `kafka`, `dapr/operator`. */
  readonly name: string;
  /** Repository in the registry (`commercex/orders`); bases stay in local storage under `localhost/<repo>`. */
  readonly repo: string;
  readonly kind: 'base' | 'image';
  /** Images this one is built FROM; their tags are part of its tag. */
  readonly bases: readonly Recipe[];
  /** Adds everything the image is built from, except its bases' tags, which are added for it. */
  hash(tag: TagHash, ctx: RecipeContext): Promise<void> | void;
  /** Builds the image into local storage as `ref`. */
  build(ref: string, buildah: Buildah, ctx: RecipeContext): Promise<void>;
}

/** Bumped when how images are assembled changes in a way their inputs do not show. */
export const RECIPE_REVISION = '1';
