// Event data as users and orders publish it, and the live-stream client the notifications tests read with.
import { randomUUID } from 'node:crypto';
import { EventSource } from 'eventsource';
import type { RunningService } from '../../dev/stack/service-process.js';

export const newId = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

const line = { productId: 'p-mug', name: 'Mug', quantity: 2, unitPrice: { amount: 1_250, currency: 'USD' } };
const order = (orderId: string, userId: string) => ({ schemaVersion: 1, orderId, userId, items: [line], total: { amount: 2_500, currency: 'USD' } });

export const events = {
  registered: (userId: string, name: string) => ({ schemaVersion: 1, userId, email: `${userId}@example.com`, name }),
  created: (orderId: string, userId: string, at: Date) => ({ ...order(orderId, userId), paymentToken: 'tok_visa', createdAt: at.toISOString() }),
  confirmed: (orderId: string, userId: string, at: Date) => ({ ...order(orderId, userId), confirmedAt: at.toISOString() }),
  cancelled: (orderId: string, userId: string, at: Date, reason: string) => ({ ...order(orderId, userId), reason, cancelledAt: at.toISOString() }),
};

export interface LiveClient {
  received: Array<{ event: string; data: Record<string, unknown> }>;
  close(): void;
}

/** Opens GET /events as the user, on the app directly (the gateway would proxy it), and resolves once the stream is live. */
export async function openStream(service: RunningService, userId: string): Promise<LiveClient> {
  const received: LiveClient['received'] = [];
  const source = new EventSource(`${service.url}/events`, {
    fetch: (url, init) => fetch(url, { ...init, headers: { ...init.headers, 'dapr-api-token': service.appApiToken, 'x-user-id': userId } }),
  });
  for (const name of ['order-status', 'notification']) {
    source.addEventListener(name, (e) => received.push({ event: name, data: JSON.parse(e.data) as Record<string, unknown> }));
  }
  await new Promise<void>((resolve, reject) => {
    source.addEventListener('ready', () => resolve(), { once: true });
    source.addEventListener('error', (e) => reject(new Error(`event stream failed: ${e.message ?? 'unknown'}`)), { once: true });
  });
  return { received, close: () => source.close() };
}
