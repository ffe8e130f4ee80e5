// Images that only wrap binaries built elsewhere (the Dapr control plane, CoreDNS, metrics-server), on the Debian base.
import path from 'node:path';
import { debianImage } from './debian-image.js';
import type { Recipe } from './recipe.js';

export interface BinaryImageFile {
  /** Absolute path on this machine. */
  readonly from: string;
  /** Absolute path in the image. */
  readonly to: string;
}

export interface BinaryImage {
  /** Repository in the registry, e.g. `dapr/operator`. */
  readonly repo: string;
  /** @default repo */
  readonly name?: string;
  readonly files: readonly BinaryImageFile[];
  readonly entrypoint: readonly string[];
  /** @default none */
  readonly cmd?: readonly string[];
  /** Numeric uid the image runs as (gid the same), e.g. 65532 like distroless' nonroot. */
  readonly user: number;
  /** @default none */
  readonly env?: Readonly<Record<string, string>>;
}

export function binaryImage(spec: BinaryImage): Recipe {
  const name = spec.name ?? spec.repo;
  for (const f of spec.files) {
    if (!path.isAbsolute(f.from) || !path.posix.isAbsolute(f.to)) throw new Error(`image ${name}: file paths must be absolute (${f.from} -> ${f.to})`);
  }
  if (!Number.isInteger(spec.user) || spec.user < 1) throw new Error(`image ${name}: user must be a non-root numeric uid`);
  const env = Object.entries(spec.env ?? {}).sort(([a], [b]) => a.localeCompare(b)).flatMap(([k, v]) => ['--env', `${k}=${v}`]);
  return debianImage({
    name,
    repo: spec.repo,
    setup: '',
    files: () => spec.files.map((f) => ({ ...f, hint: `build ${path.basename(f.from)} first` })),
    // An empty cmd: the Debian base's ["bash"] would otherwise become the entrypoint's arguments.
    config: ['--entrypoint', JSON.stringify(spec.entrypoint), '--cmd', JSON.stringify(spec.cmd ?? []), '--user', `${spec.user}:${spec.user}`, ...env],
  });
}
