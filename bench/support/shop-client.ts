// A client of the public API for load scenarios: JSON calls, the seeded administrator, registered customers.
import fs from 'node:fs';

export interface Answer {
  status: number;
  // Whatever JSON came back; the scenario reads the fields it needs.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export class ShopClient {
  constructor(readonly baseUrl: string) {}

  async call(method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }) });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body };
  }

  private async expect(answer: Promise<Answer>, status: number, what: string): Promise<Answer> {
    const a = await answer;
    if (a.status !== status) throw new Error(`${what} answered ${a.status}: ${JSON.stringify(a.body)}`);
    return a;
  }

  /** Logs in as the administrator seeded from the secrets file. */
  async adminToken(secretsFile: string): Promise<string> {
    const { email, password } = (JSON.parse(fs.readFileSync(secretsFile, 'utf8')) as { admin: { email: string; password: string } }).admin;
    return (await this.expect(this.call('POST', '/api/v1/auth/login', { body: { email, password } }), 200, 'admin login')).body.accessToken;
  }

  async register(): Promise<string> {
    const email = `bench-${crypto.randomUUID()}@example.com`;
    const body = { email, password: 'a long enough password', name: 'Bench' };
    return (await this.expect(this.call('POST', '/api/v1/auth/register', { body }), 201, 'register')).body.accessToken;
  }

  /** A product with this much stock, as an administrator adds one. */
  async stockedProduct(admin: string, available: number): Promise<string> {
    const body = { sku: `BN-${crypto.randomUUID().slice(0, 8)}`, name: 'Bench Kettle', description: 'A kettle for the checkout benchmark', category: 'bench', price: { amount: 2_000, currency: 'USD' } };
    const id = (await this.expect(this.call('POST', '/api/v1/products', { token: admin, body }), 201, 'create product')).body.id as string;
    await this.expect(this.call('PUT', `/api/v1/inventory/${id}`, { token: admin, body: { available } }), 200, 'set stock');
    return id;
  }
}
