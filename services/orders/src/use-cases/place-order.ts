// Placing an order: resolve lines, reserve stock synchronously, then write the order with its event (outbox).
import { createHash, randomUUID } from 'node:crypto';
import { appError, isAppError, validationFailed } from '@commercex/platform';
import { placeOrder, type Order, type OrderLine } from '../domain/order.js';
import type { IdempotencyKeyRepository } from '../data-access/idempotency-key-repository.js';
import type { OrderRepository } from '../data-access/order-repository.js';

export interface RequestedLine {
  productId: string;
  quantity: number;
}

/** The other services this use case needs, reached through Dapr invocation. */
export interface Shop {
  cartLines(userId: string): Promise<RequestedLine[]>;
  priceLines(lines: RequestedLine[]): Promise<OrderLine[]>;
  reserve(orderId: string, lines: RequestedLine[]): Promise<void>;
}

export interface PlaceOrderRequest {
  userId: string;
  idempotencyKey: string;
  body: { items?: RequestedLine[] | undefined; payment: { token: string } };
}

export interface PlaceOrderDeps {
  orders: OrderRepository;
  keys: IdempotencyKeyRepository;
  shop: Shop;
  onNewEvent: () => void;
  now?: () => Date;
}

/** One line per product: repeated product ids add up. */
export function mergeLines(lines: readonly RequestedLine[]): RequestedLine[] {
  const byProduct = new Map<string, number>();
  for (const l of lines) byProduct.set(l.productId, (byProduct.get(l.productId) ?? 0) + l.quantity);
  return [...byProduct].map(([productId, quantity]) => ({ productId, quantity }));
}

export function requestHash(body: PlaceOrderRequest['body']): string {
  const canonical = { items: body.items ? [...body.items].sort((a, b) => a.productId.localeCompare(b.productId) || a.quantity - b.quantity) : null, token: body.payment.token };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

export async function placeOrderUseCase(req: PlaceOrderRequest, deps: PlaceOrderDeps): Promise<Order> {
  const now = deps.now ?? (() => new Date());
  const hash = requestHash(req.body);
  const record = await deps.keys.claim({ userId: req.userId, key: req.idempotencyKey, requestHash: hash, orderId: randomUUID(), createdAt: now().toISOString() });
  if (record.requestHash !== hash) {
    throw appError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request');
  }
  const existing = await deps.orders.findById(record.orderId);
  if (existing) return existing;

  try {
    const requested = mergeLines(req.body.items ?? (await deps.shop.cartLines(req.userId)));
    if (requested.length === 0) throw validationFailed([{ path: 'items', message: 'the cart is empty; add items or send items' }], 'Nothing to order');
    const lines = await deps.shop.priceLines(requested);
    // The reservation is keyed by the order id, so a retry of this request reserves nothing twice.
    await deps.shop.reserve(record.orderId, requested);
    const { order, event } = placeOrder({ id: record.orderId, userId: req.userId, items: lines, paymentToken: req.body.payment.token, now: now(), eventId: randomUUID() });
    const stored = await deps.orders.insertIfAbsent(order, event);
    deps.onNewEvent();
    return stored;
  } catch (err) {
    // A refused request keeps nothing: the same key may be retried once stock or the cart changed.
    if (isAppError(err) && err.status < 500) await deps.keys.release(req.userId, req.idempotencyKey, record.orderId);
    throw err;
  }
}
