// catalog's own HTTP API behind the gateway (through Dapr invocation): public reads, administrators' changes.
import { validate } from '@commercex/platform';
import { Router } from 'express';
import type { z } from 'zod';
import type { CatalogDeps } from '../../use-cases/catalog-deps.js';
import { createProductUseCase, updateProductUseCase } from '../../use-cases/change-products.js';
import { getProductUseCase, searchProductsUseCase } from '../../use-cases/read-products.js';
import { adminOnly } from './caller.js';
import { createBody, patchBody, productParams, searchQuery } from './product-schemas.js';

export function productRoutes(deps: CatalogDeps): Router {
  const router = Router();

  router.get('/products', validate({ query: searchQuery }), async (req, res) => {
    res.json(await searchProductsUseCase(req.query as unknown as z.output<typeof searchQuery>, deps));
  });

  router.get('/products/:id', validate({ params: productParams }), async (req, res) => {
    res.json(await getProductUseCase(req.params.id as string, deps));
  });

  router.post('/products', adminOnly, validate({ body: createBody }), async (req, res) => {
    res.status(201).json(await createProductUseCase(req.body as z.output<typeof createBody>, deps));
  });

  router.patch('/products/:id', adminOnly, validate({ params: productParams, body: patchBody }), async (req, res) => {
    res.json(await updateProductUseCase(req.params.id as string, req.body as z.output<typeof patchBody>, deps));
  });

  return router;
}
