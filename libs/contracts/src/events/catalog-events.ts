import { z } from 'zod';
import { idSchema, timestampSchema } from '../domain.js';

export const catalogProductChangedV1 = z.object({
  schemaVersion: z.literal(1),
  productId: idSchema,
  change: z.enum(['created', 'updated']),
  at: timestampSchema,
});
