// The signing key and the seeded administrator, from the Dapr secret store (a local file here, Kubernetes secrets in clusters).
import { accessToken } from '@commercex/contracts';
import type { DaprSidecar } from '@commercex/platform';

export async function readSigningKey(dapr: DaprSidecar, store: string): Promise<string> {
  const secret = await dapr.getSecret(store, accessToken.signingKeySecret);
  const key = secret[accessToken.signingKeySecret] ?? Object.values(secret)[0];
  if (!key || key.length < 32) throw new Error(`secret ${accessToken.signingKeySecret} must hold a key of at least 32 characters`);
  return key;
}

export interface AdminCredentials {
  email: string;
  password: string;
}

/** The secret `name` answers { email, password } (a Kubernetes secret, or a nested object in the local file store); undefined without it. */
export async function readAdminCredentials(dapr: DaprSidecar, store: string, name: string): Promise<AdminCredentials | undefined> {
  const secret = await dapr.getSecret(store, name).catch(() => undefined);
  return secret?.email && secret.password ? { email: secret.email, password: secret.password } : undefined;
}
