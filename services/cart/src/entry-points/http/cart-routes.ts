// cart's own HTTP API behind the gateway (through Dapr invocation); the caller arrives in x-user-id.
import { idSchema } from '@commercex/contracts';
import { conflict, unauthenticated, validate } from '@commercex/platform';
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { CatalogClient } from '../../data-access/catalog-client.js';
import { clearCart, isFull, maxLines, removeLine, setLine } from '../../domain/cart.js';
import { changeCart, readCart, type ChangeCartDeps } from '../../use-cases/change-cart.js';

const itemParams = z.object({ productId: idSchema });
const quantityBody = z.strictObject({ quantity: z.number().int().min(1).max(100) });

function userIdOf(req: Request): string {
  const userId = req.header('x-user-id');
  if (!userId || userId.length > 200) throw unauthenticated('x-user-id is required');
  return userId;
}

export function cartRoutes(deps: ChangeCartDeps & { catalog: CatalogClient }): Router {
  const router = Router();

  router.get('/cart', async (req, res) => {
    res.json(await readCart(userIdOf(req), deps.carts));
  });

  router.put('/cart/items/:productId', validate({ params: itemParams, body: quantityBody }), async (req, res) => {
    const userId = userIdOf(req);
    const product = await deps.catalog(req.params.productId as string);
    const line = { productId: product.id, name: product.name, quantity: (req.body as z.output<typeof quantityBody>).quantity, unitPrice: product.price };
    res.json(await changeCart(userId, (cart) => {
      if (isFull(cart, line.productId)) throw conflict('CONFLICT', `A cart holds at most ${maxLines} products`);
      return setLine(line)(cart);
    }, deps));
  });

  router.delete('/cart/items/:productId', validate({ params: itemParams }), async (req, res) => {
    res.json(await changeCart(userIdOf(req), removeLine(req.params.productId as string), deps));
  });

  router.delete('/cart', async (req, res) => {
    await changeCart(userIdOf(req), clearCart, deps);
    res.status(204).end();
  });

  return router;
}
