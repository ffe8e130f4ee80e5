import { z } from 'zod';
import { idParam, money } from './common-schemas.js';

const fields = {
  sku: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/).meta({ description: 'Letters, digits, - and _; unique', example: 'KIT-MUG-01' }),
  name: z.string().min(1).max(200),
  description: z.string().max(2_000),
  category: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/).meta({ example: 'kitchen' }),
  price: money,
};

export const product = z.object({ id: idParam, ...fields }).meta({ id: 'Product' });

export const productPage = z
  .object({ items: z.array(product), page: z.number().int(), limit: z.number().int(), total: z.number().int() })
  .meta({ id: 'ProductPage' });

export const productQuery = z.object({
  q: z.string().max(100).optional().meta({ description: 'Words in the name or description (case-insensitive)' }),
  category: z.string().max(40).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const productPath = z.object({ id: idParam });

export const newProductBody = z.strictObject(fields).meta({ id: 'NewProduct' });

export const productChangesBody = z
  .strictObject(fields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'at least one field to change')
  .meta({ id: 'ProductChanges', override: { minProperties: 1 } });

export const stock = z
  .object({ productId: idParam, available: z.number().int(), reserved: z.number().int() })
  .meta({ id: 'Stock' });

export const stockPath = z.object({ productId: idParam });

export const setStockBody = z.strictObject({ available: z.number().int().min(0).max(1_000_000_000) }).meta({ id: 'StockLevel' });
