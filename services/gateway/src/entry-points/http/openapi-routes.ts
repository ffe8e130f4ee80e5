import { Router } from 'express';
import { openApiDocument } from '../../api/openapi-document.js';

/** GET /api/v1/openapi.json: rendered once, from the schemas the routes validate with. */
export function openApiRoutes(version: string): Router {
  const document = JSON.stringify(openApiDocument(version));
  const router = Router();
  router.get('/api/v1/openapi.json', (_req, res) => {
    res.type('application/json').send(document);
  });
  return router;
}
