import { z } from 'zod';
import { idParam, line, money } from './common-schemas.js';

export const cart = z.object({ items: z.array(line), total: money }).meta({ id: 'Cart' });

export const cartItemPath = z.object({ productId: idParam });

export const cartItemBody = z.strictObject({ quantity: z.number().int().min(1).max(100) }).meta({ id: 'CartQuantity' });
