// The files a Dockerfile's build sees, chosen by its ignore file with Docker's rules, and a clean copy of them.
// buildah 1.28 skips directories such as libs/ that only a wildcard re-includes (`!libs/*/src`), so it gets the copy.
import fs from 'node:fs';
import path from 'node:path';
import type { FileDigests, TagHash } from './content-hash.js';

interface Pattern {
  readonly negate: boolean;
  readonly regex: RegExp;
  readonly segments: readonly string[];
}

function globToRegex(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) out += '\\[';
      else {
        out += `[${glob.slice(i + 1, end).replace(/^!/, '^')}]`;
        i = end;
      }
    } else if (c === '\\' && i + 1 < glob.length) out += `\\${glob[++i]}`;
    else out += /[.+^${}()|\\/]/.test(c) ? `\\${c}` : c;
  }
  return out;
}

export function parseIgnoreFile(text: string): Pattern[] {
  return text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map((line) => {
    const negate = line.startsWith('!');
    const cleaned = path.posix.normalize((negate ? line.slice(1) : line).trim()).replace(/^\/+|\/+$/g, '');
    return { negate, regex: new RegExp(`^${globToRegex(cleaned)}$`), segments: cleaned.split('/') };
  });
}

/** Docker's rule: the last pattern that matches the path or one of its parent directories decides. */
function excluded(rel: string, patterns: readonly Pattern[]): boolean {
  const parents = rel.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/'));
  let out = false;
  for (const p of patterns) if (parents.some((candidate) => p.regex.test(candidate))) out = !p.negate;
  return out;
}

/** Whether some `!pattern` could re-include a path under this excluded directory (else it is not walked). */
function mayIncludeBelow(dirSegments: readonly string[], patterns: readonly Pattern[]): boolean {
  return patterns.some((p) => p.negate && dirSegments.every((seg, i) => {
    const own = p.segments[i];
    if (own === undefined || p.segments.slice(0, i + 1).some((s) => s.includes('**'))) return true;
    return new RegExp(`^${globToRegex(own)}$`).test(seg);
  }));
}

/** Relative (posix) paths of the regular files and symlinks the build may COPY, sorted. */
export function selectContext(root: string, ignoreFile: string | undefined): string[] {
  const patterns = ignoreFile ? parseIgnoreFile(fs.readFileSync(ignoreFile, 'utf8')) : [];
  const files: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!excluded(child, patterns) || mayIncludeBelow(child.split('/'), patterns)) walk(child);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && !excluded(child, patterns)) files.push(child);
    }
  };
  walk('');
  return files.sort();
}

/** Adds every selected file's path, executable bit and content to the tag. */
export function hashContext(root: string, files: readonly string[], digests: FileDigests, tag: TagHash): void {
  for (const rel of files) {
    const full = path.join(root, rel);
    const stat = fs.lstatSync(full);
    const content = stat.isSymbolicLink() ? `link:${fs.readlinkSync(full)}` : digests.digest(full);
    tag.add(`context:${rel}`, `${(stat.mode & 0o111) !== 0 ? 'x' : '-'}${content}`);
  }
}

// A fixed time for every staged file and directory: buildah's layer cache then keys COPY on content and mode only.
const stagedTime = new Date('2000-01-01T00:00:00Z');

/** Copies the selected files into an empty `dir`, to be the build's context. */
export function stageContext(root: string, files: readonly string[], dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  const dirs = new Set<string>([dir]);
  for (const rel of files) {
    const from = path.join(root, rel);
    const to = path.join(dir, rel);
    for (let d = path.dirname(to); !dirs.has(d); d = path.dirname(d)) dirs.add(d);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    const stat = fs.lstatSync(from);
    if (stat.isSymbolicLink()) {
      fs.symlinkSync(fs.readlinkSync(from), to);
      continue;
    }
    fs.copyFileSync(from, to);
    fs.chmodSync(to, stat.mode & 0o777);
    fs.utimesSync(to, stagedTime, stagedTime);
  }
  for (const d of [...dirs].sort((a, b) => b.length - a.length)) fs.utimesSync(d, stagedTime, stagedTime);
}
