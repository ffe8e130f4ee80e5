// The cart, catalog and inventory services as orders sees them, through Dapr service invocation.
import { appError, type DaprSidecar } from '@commercex/platform';
import type { Money } from '@commercex/contracts';
import type { OrderLine } from '../domain/order.js';
import type { RequestedLine, Shop } from '../use-cases/place-order.js';

interface CartView {
  items: Array<{ productId: string; quantity: number }>;
}

interface ReservationView {
  status: string;
  shortLines?: Array<{ productId: string; requested: number; available: number }>;
}

interface ProductView {
  id: string;
  name: string;
  price: Money;
}

export function daprShop(dapr: DaprSidecar): Shop {
  return {
    async cartLines(userId) {
      const cart = await dapr.invoke<CartView>('cart', 'cart', { headers: { 'x-user-id': userId } });
      return cart.items.map((i) => ({ productId: i.productId, quantity: i.quantity }));
    },
    async priceLines(lines: RequestedLine[]): Promise<OrderLine[]> {
      return Promise.all(lines.map(async (line) => {
        const product = await dapr.invoke<ProductView>('catalog', `products/${encodeURIComponent(line.productId)}`).catch((err: unknown) => {
          if ((err as { status?: number }).status === 404) throw appError('NOT_FOUND', `Product ${line.productId} does not exist`, { details: { productId: line.productId } });
          throw err;
        });
        return { productId: product.id, name: product.name, quantity: line.quantity, unitPrice: product.price };
      }));
    },
    async reserve(orderId, lines) {
      // inventory answers a refusal with 200 REJECTED (a 409 would count against the circuit breaker).
      const reservation = await dapr.invoke<ReservationView>('inventory', 'reservations', { httpMethod: 'POST', body: { orderId, items: lines } });
      if (reservation.status === 'REJECTED') throw appError('OUT_OF_STOCK', 'Not enough stock for some lines', { details: reservation.shortLines ?? [] });
    },
  };
}
