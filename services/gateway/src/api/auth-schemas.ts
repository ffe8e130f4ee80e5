import { z } from 'zod';

export const registerBody = z
  .strictObject({
    email: z.email().max(254),
    password: z.string().min(8).max(200).meta({ description: 'At least 8 characters' }),
    name: z.string().min(1).max(100),
  })
  .meta({ id: 'Registration' });

export const logInBody = z
  .strictObject({ email: z.string().min(1).max(254), password: z.string().min(1).max(200) })
  .meta({ id: 'Credentials' });

export const user = z
  .object({ id: z.string(), email: z.string(), name: z.string(), roles: z.array(z.string()).meta({ description: 'contains admin for administrators' }) })
  .meta({ id: 'User' });

export const authResult = z.object({ user, accessToken: z.string().meta({ description: 'Bearer token for Authorization' }) }).meta({ id: 'AuthResult' });
