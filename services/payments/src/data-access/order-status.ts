// The order's status as orders has it, read through Dapr service invocation (under the `orders` resiliency policy).
import type { DaprSidecar } from '@commercex/platform';

export type OrderStatus = 'PENDING_PAYMENT' | 'CONFIRMED' | 'CANCELLED';

export interface OrderStatusSource {
  /** Rejects when orders cannot answer; the caller decides what that means. */
  statusOf(orderId: string, userId: string): Promise<OrderStatus>;
}

export function daprOrderStatus(dapr: DaprSidecar): OrderStatusSource {
  return {
    async statusOf(orderId, userId) {
      const order = await dapr.invoke<{ status: OrderStatus }>('orders', `orders/${encodeURIComponent(orderId)}`, { headers: { 'x-user-id': userId } });
      return order.status;
    },
  };
}
