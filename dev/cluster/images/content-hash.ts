// Image tags are hashes of what an image is built from; file digests are memoised by size and mtime so a warm run stays quick.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

interface Memo {
  size: number;
  mtimeMs: number;
  sha256: string;
}

export class FileDigests {
  private readonly memo: Record<string, Memo>;
  private dirty = false;

  constructor(private readonly memoFile: string) {
    try {
      this.memo = JSON.parse(fs.readFileSync(memoFile, 'utf8')) as Record<string, Memo>;
    } catch {
      this.memo = {};
    }
  }

  /** sha256 of a file's content; a missing file fails with what to build first. */
  digest(file: string, hint?: string): string {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      throw new Error(`${file} does not exist${hint ? `: ${hint}` : ''}`);
    }
    const known = this.memo[file];
    if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) return known.sha256;
    const sha256 = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    this.memo[file] = { size: stat.size, mtimeMs: stat.mtimeMs, sha256 };
    this.dirty = true;
    return sha256;
  }

  save(): void {
    if (!this.dirty) return;
    fs.mkdirSync(path.dirname(this.memoFile), { recursive: true });
    fs.writeFileSync(this.memoFile, JSON.stringify(this.memo));
    this.dirty = false;
  }
}

/** Builds a tag from labelled parts, so reordering or renaming an input also changes it. */
export class TagHash {
  private readonly hash = createHash('sha256');
  private done: string | undefined;

  add(label: string, value: string): this {
    if (this.done) throw new Error('TagHash: add() after tag()');
    this.hash.update(`${label}\0${value}\0`);
    return this;
  }

  tag(): string {
    this.done ??= this.hash.digest('hex').slice(0, 20);
    return this.done;
  }
}
