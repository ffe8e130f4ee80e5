import { z } from 'zod';
import { idSchema } from '../domain.js';

export const usersRegisteredV1 = z.object({
  schemaVersion: z.literal(1),
  userId: idSchema,
  email: z.email(),
  name: z.string().min(1),
});
