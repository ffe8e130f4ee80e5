import type { ApiRoute } from '../route-definition.js';
import { upstreamPath } from '../route-definition.js';
import { newProductBody, product, productChangesBody, productPage, productPath, productQuery, setStockBody, stock, stockPath } from '../catalog-schemas.js';

export const catalogRoutes: ApiRoute[] = [
  {
    method: 'get', path: '/api/v1/products', tag: 'catalog', access: 'public', summary: 'Search and page through products',
    query: productQuery, success: { status: 200, description: 'One page of products', schema: productPage },
    upstream: { appId: 'catalog', path: upstreamPath('products') },
  },
  {
    method: 'get', path: '/api/v1/products/{id}', tag: 'catalog', access: 'public', summary: 'One product',
    params: productPath, success: { status: 200, description: 'The product', schema: product }, errors: ['NOT_FOUND'],
    upstream: { appId: 'catalog', path: upstreamPath('products/{id}') },
  },
  {
    method: 'post', path: '/api/v1/products', tag: 'catalog', access: 'admin', summary: 'Add a product',
    body: newProductBody, success: { status: 201, description: 'The new product', schema: product }, errors: ['CONFLICT'],
    upstream: { appId: 'catalog', path: upstreamPath('products') },
  },
  {
    method: 'patch', path: '/api/v1/products/{id}', tag: 'catalog', access: 'admin', summary: 'Change a product; cached copies everywhere reflect it within 1 s',
    params: productPath, body: productChangesBody, success: { status: 200, description: 'The changed product', schema: product }, errors: ['NOT_FOUND', 'CONFLICT'],
    upstream: { appId: 'catalog', path: upstreamPath('products/{id}') },
  },
  {
    method: 'get', path: '/api/v1/inventory/{productId}', tag: 'inventory', access: 'public', summary: 'Stock of a product',
    params: stockPath, success: { status: 200, description: 'Available and reserved units', schema: stock }, errors: ['NOT_FOUND'],
    upstream: { appId: 'inventory', path: upstreamPath('inventory/{productId}') },
  },
  {
    method: 'put', path: '/api/v1/inventory/{productId}', tag: 'inventory', access: 'admin', summary: 'Set the available stock of a product',
    params: stockPath, body: setStockBody, success: { status: 200, description: 'The stock after the change', schema: stock },
    upstream: { appId: 'inventory', path: upstreamPath('inventory/{productId}') },
  },
];
