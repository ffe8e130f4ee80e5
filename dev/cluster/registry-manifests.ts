// What the registry holds, asked over its HTTP API (v2): a manifest by tag, and a second tag for one.

const manifestTypes = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
].join(', ');

/** Whether the registry holds `repo:tag` (`commercex/orders`, `3f2a…`). */
export async function hasManifest(address: string, repo: string, tag: string): Promise<boolean> {
  const res = await fetch(`http://${address}/v2/${repo}/manifests/${tag}`, { method: 'HEAD', headers: { accept: manifestTypes } });
  if (res.status === 200) return true;
  if (res.status === 404) return false;
  throw new Error(`the registry at ${address} answered ${res.status} for ${repo}:${tag}; see its log`);
}

/** Gives `repo:from` a second tag `to` inside the registry: the manifest is copied, no layer moves. */
export async function tagManifest(address: string, repo: string, from: string, to: string): Promise<void> {
  const got = await fetch(`http://${address}/v2/${repo}/manifests/${from}`, { headers: { accept: manifestTypes } });
  if (!got.ok) throw new Error(`the registry at ${address} has no ${repo}:${from} to tag (${got.status}); build it first`);
  const type = got.headers.get('content-type') ?? 'application/vnd.oci.image.manifest.v1+json';
  const put = await fetch(`http://${address}/v2/${repo}/manifests/${to}`, { method: 'PUT', headers: { 'content-type': type }, body: await got.arrayBuffer() });
  if (put.status !== 201) throw new Error(`the registry at ${address} refused ${repo}:${to} (${put.status}: ${await put.text()})`);
}
