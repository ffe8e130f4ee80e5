import { cancellationReasons, orderStatuses } from '@commercex/contracts';
import { z } from 'zod';
import { idParam, line, money } from './common-schemas.js';

export const placeOrderBody = z
  .strictObject({
    items: z.array(z.strictObject({ productId: idParam, quantity: z.number().int().min(1).max(100) })).min(1).max(100).optional()
      .meta({ description: 'Without items, the cart is ordered' }),
    payment: z.strictObject({ token: z.string().min(1).max(100).meta({ example: 'tok_visa' }) }),
  })
  .meta({ id: 'NewOrder' });

export const idempotencyHeader = z.object({
  'idempotency-key': z.string().min(1).max(200).meta({ description: 'The same key with the same body returns the same order' }),
});

export const order = z
  .object({
    id: z.string(),
    userId: z.string(),
    status: z.enum(orderStatuses),
    cancellationReason: z.enum(cancellationReasons).optional(),
    items: z.array(line),
    total: money,
    createdAt: z.string(),
    updatedAt: z.string(),
    history: z.array(z.object({ status: z.enum(orderStatuses), at: z.string(), reason: z.enum(cancellationReasons).optional() })),
  })
  .meta({ id: 'Order' });

export const orderList = z.object({ items: z.array(order) }).meta({ id: 'OrderList' });

export const orderPath = z.object({ id: idParam });
