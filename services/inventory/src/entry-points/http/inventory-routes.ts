// Stock per product: read (public through the gateway), set by administrators, and the full ledger for operators and tests.
import { idSchema } from '@commercex/contracts';
import { notFound, validate } from '@commercex/platform';
import { Router } from 'express';
import { z } from 'zod';
import type { StockRepository } from '../../data-access/stock-repository.js';
import { ledgerOf, publicView } from '../../domain/stock.js';
import { requireAdmin } from './caller.js';

const params = z.object({ productId: idSchema });
const setBody = z.strictObject({ available: z.number().int().min(0).max(1_000_000_000) });

export function inventoryRoutes(stock: StockRepository): Router {
  const router = Router();

  router.get('/inventory/:productId', validate({ params }), async (req, res) => {
    const item = await stock.find(req.params.productId as string);
    if (!item) throw notFound('No stock for this product', { productId: req.params.productId });
    res.json(publicView(item));
  });

  router.put('/inventory/:productId', validate({ params, body: setBody }), async (req, res) => {
    requireAdmin(req);
    const item = await stock.setAvailable(req.params.productId as string, (req.body as z.output<typeof setBody>).available);
    res.json(publicView(item));
  });

  router.get('/inventory/:productId/ledger', validate({ params }), async (req, res) => {
    const item = await stock.find(req.params.productId as string);
    if (!item) throw notFound('No stock for this product', { productId: req.params.productId });
    res.json(ledgerOf(item));
  });

  return router;
}
