// A client of the public API through the gateway, for system tests and benchmarks: JSON calls, registered customers,
// the administrator seeded from the secrets file.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../dev/stack/settings.js';

// Response bodies are whatever JSON came back; each caller asserts the shape it expects.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface Reply<T = Json> {
  status: number;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  body?: unknown;
  /** Sent as is (malformed JSON, huge bodies). */
  raw?: string;
  token?: string;
  headers?: Record<string, string>;
}

export class Api {
  constructor(readonly baseUrl: string) {}

  async call<T = Json>(method: string, url: string, o: CallOptions = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...(o.body !== undefined || o.raw !== undefined ? { 'content-type': 'application/json' } : {}), ...o.headers };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    const res = await fetch(`${this.baseUrl}${url}`, { method, headers, body: o.raw ?? (o.body === undefined ? undefined : JSON.stringify(o.body)) });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: the test sees the text
    }
    return { status: res.status, headers: res.headers, body: body as T };
  }

  /** A fresh customer with a unique email; returns its token and id. */
  newCustomer(name = 'Shopper'): Promise<{ token: string; id: string; email: string; password: string }> {
    return this.register(name, {});
  }

  /** The same, registering from a client IP named in X-Forwarded-For (gateways that trust a proxy). */
  newCustomerFrom(ip: string): Promise<{ token: string; id: string; email: string; password: string }> {
    return this.register('Shopper', { 'x-forwarded-for': ip });
  }

  private async register(name: string, headers: Record<string, string>): Promise<{ token: string; id: string; email: string; password: string }> {
    const email = `${name.toLowerCase()}-${crypto.randomUUID()}@example.com`;
    const password = 'a long enough password';
    const res = await this.call('POST', '/api/v1/auth/register', { body: { email, password, name }, headers });
    if (res.status !== 201) throw new Error(`register answered ${res.status}: ${JSON.stringify(res.body)}`);
    return { token: res.body.accessToken, id: res.body.user.id, email, password };
  }

  async adminToken(): Promise<string> {
    const { email, password } = adminCredentials();
    const res = await this.call('POST', '/api/v1/auth/login', { body: { email, password } });
    if (res.status !== 200) throw new Error(`admin login answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  }
}

function secrets(): Record<string, Json> {
  return JSON.parse(fs.readFileSync(process.env.SECRETS_FILE ?? path.join(repoRoot, 'dev/secrets.json'), 'utf8')) as Record<string, Json>;
}

export const adminCredentials = (): { email: string; password: string } => secrets().admin;
export const signingKey = (): string => secrets()['jwt-signing-key'];
