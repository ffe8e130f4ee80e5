// The cart, catalog and inventory services as orders sees them, through Dapr service invocation.
import { appError, type DaprSidecar } from '@commercex/platform';
import type { Money } from '@commercex/contracts';
import type { OrderLine } from '../domain/order.js';
import type { RequestedLine, Shop } from '../use-cases/place-order.js';

interface CartView {
  items: Array<{ productId: string; quantity: number }>;
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
      await dapr.invoke('inventory', 'reservations', { httpMethod: 'POST', body: { orderId, items: lines } });
    },
  };
}
