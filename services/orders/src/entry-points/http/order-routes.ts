// Orders' own HTTP API, reached through Dapr invocation; the caller's user id comes in x-user-id from the gateway.
import { randomUUID } from 'node:crypto';
import { idSchema, moneySchema } from '@commercex/contracts';
import { notFound, unauthenticated, validate } from '@commercex/platform';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { placeOrder } from '../../domain/order.js';
import type { OrderRepository } from '../../data-access/order-repository.js';

const placeOrderBody = z.strictObject({
  items: z.array(z.strictObject({
    productId: idSchema,
    name: z.string().min(1).max(200),
    quantity: z.number().int().min(1).max(100),
    unitPrice: moneySchema,
  })).min(1).max(100),
  payment: z.strictObject({ token: z.string().min(1).max(100) }),
});

function userIdOf(req: Request): string {
  const userId = req.header('x-user-id');
  if (!userId) throw unauthenticated('x-user-id is required');
  return userId;
}

export function orderRoutes(orders: OrderRepository, onNewEvent: () => void): Router {
  const router = Router();

  router.post('/orders', validate({ body: placeOrderBody }), async (req, res) => {
    const body = req.body as z.output<typeof placeOrderBody>;
    const { order, event } = placeOrder({
      id: randomUUID(),
      userId: userIdOf(req),
      items: body.items,
      paymentToken: body.payment.token,
      now: new Date(),
      eventId: randomUUID(),
    });
    await orders.insertWithEvent(order, event);
    onNewEvent();
    res.status(201).json(order);
  });

  router.get('/orders/:id', async (req, res) => {
    const order = await orders.findById(req.params.id);
    if (!order || order.userId !== userIdOf(req)) throw notFound('No such order');
    res.json(order);
  });

  return router;
}
