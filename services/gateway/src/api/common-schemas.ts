// Schemas shared by several routes of the public API (shared/API.md); each becomes an OpenAPI component.
import { z } from 'zod';

export const idParam = z.string().min(1).max(200).meta({ description: 'An id as the API returned it', example: 'prod-001' });

export const money = z
  .strictObject({
    amount: z.number().int().min(0).max(100_000_000).meta({ description: 'Minor units (cents)' }),
    currency: z.literal('USD'),
  })
  .meta({ id: 'Money' });

export const errorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'UPPER_SNAKE error code', example: 'VALIDATION_FAILED' }),
      message: z.string().meta({ description: 'For people' }),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

export const line = z
  .object({ productId: idParam, name: z.string(), quantity: z.number().int().min(1), unitPrice: money })
  .meta({ id: 'Line' });
