import { z } from 'zod';
import { idSchema, moneySchema, paymentFailureReasonSchema } from '../domain.js';

export const paymentsSucceededV1 = z.object({
  schemaVersion: z.literal(1),
  orderId: idSchema,
  paymentId: idSchema,
  amount: moneySchema,
});

export const paymentsFailedV1 = z.object({
  schemaVersion: z.literal(1),
  orderId: idSchema,
  reason: paymentFailureReasonSchema,
  message: z.string().optional(),
});
