// Schemas shared by several routes of the public API (shared/API.md); each becomes an OpenAPI component.
import { z } from 'zod';

// No '/', '%' or leading '.': an id can never turn into another path of the service behind it.
export const idParam = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/, 'an id as the API returned it')
  .meta({ description: 'An id as the API returned it', example: 'prod-001' });

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
