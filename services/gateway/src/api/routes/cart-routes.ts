import type { ApiRoute } from '../route-definition.js';
import { upstreamPath } from '../route-definition.js';
import { cart, cartItemBody, cartItemPath } from '../cart-schemas.js';

export const cartRoutes: ApiRoute[] = [
  {
    method: 'get', path: '/api/v1/cart', tag: 'cart', access: 'user', summary: "The caller's cart",
    success: { status: 200, description: 'The cart', schema: cart },
    upstream: { appId: 'cart', path: upstreamPath('cart') },
  },
  {
    method: 'put', path: '/api/v1/cart/items/{productId}', tag: 'cart', access: 'user', summary: 'Set the quantity of a product in the cart',
    params: cartItemPath, body: cartItemBody, success: { status: 200, description: 'The cart', schema: cart }, errors: ['NOT_FOUND', 'CONFLICT'],
    upstream: { appId: 'cart', path: upstreamPath('cart/items/{productId}') },
  },
  {
    method: 'delete', path: '/api/v1/cart/items/{productId}', tag: 'cart', access: 'user', summary: 'Take a product out of the cart',
    params: cartItemPath, success: { status: 200, description: 'The cart', schema: cart },
    upstream: { appId: 'cart', path: upstreamPath('cart/items/{productId}') },
  },
  {
    method: 'delete', path: '/api/v1/cart', tag: 'cart', access: 'user', summary: 'Empty the cart',
    success: { status: 204, description: 'The cart is empty' },
    upstream: { appId: 'cart', path: upstreamPath('cart') },
  },
];
