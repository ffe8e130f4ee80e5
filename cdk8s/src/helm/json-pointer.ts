// JSON pointers (RFC 6901) with one extension: a segment `[key=value]` picks the list item whose
// `key` is `value`, so bindings name containers and env vars instead of counting them.
type Json = Record<string, unknown> | unknown[];

export function setByPointer(doc: Json, pointer: string, value: unknown): void {
  const segments = pointer.split('/').slice(1).map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
  const last = segments.pop();
  if (last === undefined) throw new Error('cannot replace the whole document');
  let node: unknown = doc;
  for (const segment of segments) {
    node = child(node, segment, pointer);
    if (node === undefined || node === null || typeof node !== 'object') throw new Error(`${pointer}: nothing at ${segment}`);
  }
  if (Array.isArray(node)) {
    const index = indexOf(node, last, pointer);
    node[index] = value;
  } else {
    (node as Record<string, unknown>)[last] = value;
  }
}

function child(node: unknown, segment: string, pointer: string): unknown {
  if (Array.isArray(node)) return node[indexOf(node, segment, pointer)];
  return (node as Record<string, unknown>)[segment];
}

function indexOf(list: unknown[], segment: string, pointer: string): number {
  const match = /^\[([^=\]]+)=([^\]]*)\]$/.exec(segment);
  const index = match
    ? list.findIndex((item) => typeof item === 'object' && item !== null && (item as Record<string, unknown>)[match[1]!] === match[2])
    : Number(segment);
  if (!Number.isInteger(index) || index < 0 || index >= list.length) throw new Error(`${pointer}: no list item ${segment}`);
  return index;
}
