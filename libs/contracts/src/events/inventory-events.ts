import { z } from 'zod';
import { idSchema, timestampSchema } from '../domain.js';

export const inventoryReservationExpiredV1 = z.object({
  schemaVersion: z.literal(1),
  orderId: idSchema,
  expiredAt: timestampSchema,
});
