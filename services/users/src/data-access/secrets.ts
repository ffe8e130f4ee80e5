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

/**
 * A Kubernetes secret `admin` answers { email, password }; the local file store flattens nested JSON with ":",
 * so there the values are the secrets `admin:email` and `admin:password`. Undefined when neither exists.
 */
export async function readAdminCredentials(dapr: DaprSidecar, store: string, name: string): Promise<AdminCredentials | undefined> {
  const whole = await dapr.getSecret(store, name).catch(() => undefined);
  if (whole?.email && whole.password) return { email: whole.email, password: whole.password };
  const part = async (field: string) => {
    const secret = await dapr.getSecret(store, `${name}:${field}`).catch(() => undefined);
    return secret?.[`${name}:${field}`];
  };
  const [email, password] = await Promise.all([part('email'), part('password')]);
  return email && password ? { email, password } : undefined;
}
