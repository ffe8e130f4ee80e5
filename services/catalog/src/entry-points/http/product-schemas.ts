import { idSchema, moneySchema } from '@commercex/contracts';
import { z } from 'zod';
import { maxPageSize } from '../../domain/product-search.js';

const fields = {
  sku: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'letters, digits, - and _ (at most 64)'),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2_000),
  category: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lowercase letters, digits and - (at most 40)'),
  price: z.strictObject({ amount: moneySchema.shape.amount.max(100_000_000), currency: moneySchema.shape.currency }),
};

export const productParams = z.object({ id: idSchema });
export const createBody = z.strictObject(fields);
export const patchBody = z.strictObject(fields).partial().refine((b) => Object.keys(b).length > 0, 'at least one field to change');
export const searchQuery = z.object({
  q: z.string().max(100).optional(),
  category: z.string().max(40).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(maxPageSize).default(20),
});
