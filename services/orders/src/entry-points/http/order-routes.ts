// Orders' own HTTP API behind the gateway (through Dapr invocation); the caller arrives in x-user-id.
import { randomUUID } from 'node:crypto';
import { idSchema } from '@commercex/contracts';
import { appError, notFound, unauthenticated, validate, validationFailed } from '@commercex/platform';
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { IdempotencyKeyRepository } from '../../data-access/idempotency-key-repository.js';
import type { OrderRepository } from '../../data-access/order-repository.js';
import { cancel } from '../../domain/order-transitions.js';
import { placeOrderUseCase, type Shop } from '../../use-cases/place-order.js';

const placeOrderBody = z.strictObject({
  items: z.array(z.strictObject({ productId: idSchema, quantity: z.number().int().min(1).max(100) })).min(1).max(100).optional(),
  payment: z.strictObject({ token: z.string().min(1).max(100) }),
});

function userIdOf(req: Request): string {
  const userId = req.header('x-user-id');
  if (!userId) throw unauthenticated('x-user-id is required');
  return userId;
}

export interface OrderRouteDeps {
  orders: OrderRepository;
  keys: IdempotencyKeyRepository;
  shop: Shop;
  onNewEvent: () => void;
}

export function orderRoutes(deps: OrderRouteDeps): Router {
  const router = Router();
  const { orders } = deps;

  router.post('/orders', validate({ body: placeOrderBody }), async (req, res) => {
    const userId = userIdOf(req);
    const idempotencyKey = req.header('idempotency-key');
    if (!idempotencyKey || idempotencyKey.length > 200) {
      throw validationFailed([{ path: 'Idempotency-Key', message: 'the Idempotency-Key header is required (1-200 characters)' }]);
    }
    const order = await placeOrderUseCase({ userId, idempotencyKey, body: req.body as z.output<typeof placeOrderBody> }, deps);
    res.status(201).json(order);
  });

  router.get('/orders', async (req, res) => {
    res.json({ items: await orders.listByUser(userIdOf(req)) });
  });

  router.get('/orders/:id', async (req, res) => {
    const order = await orders.findById(req.params.id);
    if (!order || order.userId !== userIdOf(req)) throw notFound('No such order');
    res.json(order);
  });

  router.post('/orders/:id/cancel', async (req, res) => {
    const order = await orders.findById(req.params.id);
    if (!order || order.userId !== userIdOf(req)) throw notFound('No such order');
    const transition = cancel(order, 'USER_CANCELLED', new Date(), randomUUID());
    if (!transition || !(await orders.apply(order.id, transition))) {
      throw appError('ORDER_NOT_CANCELLABLE', 'Only an order waiting for payment can be cancelled', { details: { status: (await orders.findById(order.id))?.status } });
    }
    deps.onNewEvent();
    res.json(await orders.findById(order.id));
  });

  return router;
}
