import { z } from 'zod';
import { cancellationReasonSchema, idSchema, moneySchema, orderLineSchema, timestampSchema } from '../domain.js';

const lines = z.array(orderLineSchema).min(1);

export const ordersCreatedV1 = z.object({
  schemaVersion: z.literal(1),
  orderId: idSchema,
  userId: idSchema,
  items: lines,
  total: moneySchema,
  paymentToken: z.string().min(1),
  createdAt: timestampSchema,
});

// Carries the lines so inventory can commit the reservation without asking orders.
export const ordersConfirmedV1 = z.object({
  schemaVersion: z.literal(1),
  orderId: idSchema,
  userId: idSchema,
  items: lines,
  total: moneySchema,
  confirmedAt: timestampSchema,
});

// Carries the lines so inventory can release the reservation without asking orders.
export const ordersCancelledV1 = z.object({
  schemaVersion: z.literal(1),
  orderId: idSchema,
  userId: idSchema,
  reason: cancellationReasonSchema,
  items: lines,
  total: moneySchema,
  cancelledAt: timestampSchema,
});
