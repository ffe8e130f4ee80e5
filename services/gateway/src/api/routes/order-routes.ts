import type { ApiRoute } from '../route-definition.js';
import { upstreamPath } from '../route-definition.js';
import { idempotencyHeader, order, orderList, orderPath, placeOrderBody } from '../order-schemas.js';

export const orderRoutes: ApiRoute[] = [
  {
    method: 'post', path: '/api/v1/orders', tag: 'orders', access: 'user', summary: 'Place an order (the cart when items are left out)',
    headers: idempotencyHeader, body: placeOrderBody, success: { status: 201, description: 'The order, waiting for payment', schema: order },
    errors: ['NOT_FOUND', 'OUT_OF_STOCK', 'IDEMPOTENCY_KEY_REUSED'],
    upstream: { appId: 'orders', path: upstreamPath('orders'), headers: ['idempotency-key'] },
  },
  {
    method: 'get', path: '/api/v1/orders', tag: 'orders', access: 'user', summary: "The caller's orders, newest first",
    success: { status: 200, description: 'The orders', schema: orderList },
    upstream: { appId: 'orders', path: upstreamPath('orders') },
  },
  {
    method: 'get', path: '/api/v1/orders/{id}', tag: 'orders', access: 'user', summary: 'One of the caller\'s orders',
    params: orderPath, success: { status: 200, description: 'The order', schema: order }, errors: ['NOT_FOUND'],
    upstream: { appId: 'orders', path: upstreamPath('orders/{id}') },
  },
  {
    method: 'post', path: '/api/v1/orders/{id}/cancel', tag: 'orders', access: 'user', summary: 'Cancel an order that waits for payment',
    params: orderPath, success: { status: 200, description: 'The cancelled order', schema: order }, errors: ['NOT_FOUND', 'ORDER_NOT_CANCELLABLE'],
    upstream: { appId: 'orders', path: upstreamPath('orders/{id}/cancel') },
  },
];
