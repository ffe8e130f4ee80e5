// GET /dead-letters (administrators): messages that reached a dead-letter topic, newest first.
import { parseInput } from '@commercex/platform';
import { Router } from 'express';
import { z } from 'zod';
import type { DeadLetterRepository } from '../../data-access/dead-letter-repository.js';
import { requireAdmin } from './caller.js';

const query = z.object({
  topic: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export function deadLetterRoutes(deadLetters: DeadLetterRepository): Router {
  const router = Router();
  router.get('/dead-letters', async (req, res) => {
    requireAdmin(req);
    const { topic, limit } = parseInput(query, req.query, 'query');
    res.json({ items: await deadLetters.list({ topic }, limit) });
  });
  return router;
}
