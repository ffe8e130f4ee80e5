// The key users signs access tokens with, from the Dapr secret store (a local file here, Kubernetes secrets in clusters).
import { accessToken } from '@commercex/contracts';
import type { DaprSidecar } from '@commercex/platform';

export async function readSigningKey(dapr: DaprSidecar, store: string): Promise<string> {
  const secret = await dapr.getSecret(store, accessToken.signingKeySecret);
  const key = secret[accessToken.signingKeySecret] ?? Object.values(secret)[0];
  if (!key || key.length < 32) throw new Error(`secret ${accessToken.signingKeySecret} must hold a key of at least 32 characters`);
  return key;
}
