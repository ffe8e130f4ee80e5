// The whole shop behind the gateway on real sidecars, and what a customer and an administrator do with it.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { RunningService } from '../../../dev/stack/service-process.js';
import { order as orderSchema } from '../../../services/gateway/src/api/order-schemas.js';
import type { Ledger } from '../../inventory/inventory-api.js';
import { fastHashing, roomyLimits, Api, type Reply } from '../../shopping/support/shop.js';
import { startServices } from '../../support/start-services.js';
import { callApp, eventually } from '../../support/test-stack.js';

export const checkoutServices = ['users', 'catalog', 'cart', 'orders', 'inventory', 'payments', 'notifications'] as const;
export type CheckoutService = (typeof checkoutServices)[number];

export type Order = ReturnType<typeof orderSchema.parse>;

export interface Customer {
  id: string;
  token: string;
}

export interface CheckoutOptions {
  /** Services left out at the start (a test may start them later). */
  without?: readonly CheckoutService[];
  env?: Partial<Record<CheckoutService, Record<string, string>>>;
}

const baseEnv: Partial<Record<CheckoutService, Record<string, string>>> = { users: fastHashing };

export async function startCheckout(options: CheckoutOptions = {}): Promise<Checkout> {
  const names = checkoutServices.filter((s) => !options.without?.includes(s));
  const envOf = (name: CheckoutService) => ({ ...baseEnv[name], ...options.env?.[name] });
  const [gateway, ...services] = await startServices([{ name: 'gateway', env: roomyLimits }, ...names.map((name) => ({ name, env: envOf(name) }))]);
  return new Checkout(gateway!, new Map(services.map((s) => [s.name as CheckoutService, s])), envOf);
}

export class Checkout {
  readonly api: Api;
  private readonly touched = new Set<string>();
  private admin: string | undefined;

  constructor(
    readonly gateway: RunningService,
    private readonly running: Map<CheckoutService, RunningService>,
    private readonly envOf: (name: CheckoutService) => Record<string, string>,
  ) {
    this.api = new Api(gateway.url);
  }

  service(name: CheckoutService): RunningService {
    const s = this.running.get(name);
    if (!s) throw new Error(`${name} is not running in this test`);
    return s;
  }

  async start(name: CheckoutService, env: Record<string, string> = {}): Promise<RunningService> {
    if (this.running.has(name)) throw new Error(`${name} is already running`);
    const [s] = await startServices([{ name, env: { ...this.envOf(name), ...env } }]);
    this.running.set(name, s!);
    return s!;
  }

  async stop(name: CheckoutService, how: 'graceful' | 'crash' = 'graceful'): Promise<void> {
    const s = this.service(name);
    this.running.delete(name);
    await s.stop(how);
  }

  async stopAll(): Promise<void> {
    await Promise.all([this.gateway.stop(), ...[...this.running.values()].map((s) => s.stop())]);
    this.running.clear();
  }

  async adminToken(): Promise<string> {
    this.admin ??= await this.api.adminToken();
    return this.admin;
  }

  async customer(): Promise<Customer> {
    const { id, token } = await this.api.newCustomer();
    return { id, token };
  }

  /** A product of its own for one scenario, created and stocked by the administrator through the gateway. */
  async product(available: number, price = 1_500): Promise<string> {
    const admin = await this.adminToken();
    const body = { sku: `CK-${randomUUID().slice(0, 8)}`, name: 'Checkout Kettle', description: 'A kettle made for checkout tests', category: 'test-checkout', price: { amount: price, currency: 'USD' } };
    const created = await this.api.call('POST', '/api/v1/products', { token: admin, body });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const productId = created.body.id as string;
    this.touched.add(productId);
    await this.setStock(productId, available);
    return productId;
  }

  async setStock(productId: string, available: number): Promise<void> {
    this.touched.add(productId);
    const res = await this.api.call('PUT', `/api/v1/inventory/${productId}`, { token: await this.adminToken(), body: { available } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }

  /** What the public API shows of a product's stock. */
  async stock(productId: string): Promise<{ productId: string; available: number; reserved: number }> {
    const res = await this.api.call('GET', `/api/v1/inventory/${productId}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  }

  /** Inventory's full ledger of a product (its internal API: the public one shows no sold or stocked). */
  async ledger(productId: string): Promise<Ledger> {
    const res = await callApp(this.service('inventory'), 'GET', `inventory/${productId}/ledger`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as Ledger;
  }

  /** For every product a scenario touched: available + reserved + sold equals what was stocked, none negative. */
  async expectConserved(): Promise<void> {
    for (const productId of this.touched) {
      const l = await this.ledger(productId);
      expect(l.available + l.reserved + l.sold, `ledger of ${productId}: ${JSON.stringify(l)}`).toBe(l.stocked);
      expect(Math.min(l.available, l.reserved, l.sold), `ledger of ${productId}: ${JSON.stringify(l)}`).toBeGreaterThanOrEqual(0);
    }
  }

  placeOrder(customer: Customer, body: { items?: Array<{ productId: string; quantity: number }>; payment: { token: string } }, key: string = randomUUID()): Promise<Reply> {
    return this.api.call('POST', '/api/v1/orders', { token: customer.token, body, headers: { 'idempotency-key': key } });
  }

  /** As a client following the API: a 503 UNAVAILABLE is retried with the same Idempotency-Key, a few times. */
  async placeOrderRetrying(customer: Customer, body: Parameters<Checkout['placeOrder']>[1], key: string = randomUUID()): Promise<Reply & { attempts: number }> {
    for (let attempts = 1; ; attempts++) {
      const res = await this.placeOrder(customer, body, key);
      if (res.status !== 503 || attempts === 8) return { ...res, attempts };
      await new Promise((r) => setTimeout(r, 250 * attempts * (0.5 + Math.random())));
    }
  }

  /** Places an order that must be accepted; returns it as the API gave it. */
  async placed(customer: Customer, body: Parameters<Checkout['placeOrder']>[1], key?: string): Promise<Order> {
    const res = await this.placeOrder(customer, body, key);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const order = orderSchema.parse(res.body);
    expect(order.status).toBe('PENDING_PAYMENT');
    return order;
  }

  async order(customer: Customer, orderId: string): Promise<Order> {
    const res = await this.api.call('GET', `/api/v1/orders/${orderId}`, { token: customer.token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return orderSchema.parse(res.body);
  }

  /** Waits until the order has left PENDING_PAYMENT and returns it; 503 (a service restarting) is retried, as clients do. */
  settled(customer: Customer, orderId: string, timeoutMs = 60_000): Promise<Order> {
    return eventually(`order ${orderId} to be settled`, async () => {
      const res = await this.api.call('GET', `/api/v1/orders/${orderId}`, { token: customer.token });
      if (res.status === 503) return undefined;
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const order = orderSchema.parse(res.body);
      return order.status === 'PENDING_PAYMENT' ? undefined : order;
    }, timeoutMs);
  }

  async notifications(customer: Customer): Promise<Array<{ id: string; type: string; message: string; createdAt: string; orderId?: string }>> {
    const res = await this.api.call('GET', '/api/v1/notifications', { token: customer.token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items;
  }

  /** Waits until the customer has been told this about the order, and returns every notification about it. */
  toldAbout(customer: Customer, orderId: string, type: string, timeoutMs = 60_000) {
    return eventually(`a ${type} notification for order ${orderId}`, async () => {
      const about = (await this.notifications(customer)).filter((n) => n.orderId === orderId);
      return about.some((n) => n.type === type) ? about : undefined;
    }, timeoutMs);
  }
}
