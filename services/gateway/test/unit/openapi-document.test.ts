import { describe, expect, it } from 'vitest';
import { apiRoutes } from '../../src/api/api-routes.js';
import { openApiDocument } from '../../src/api/openapi-document.js';
import { errorCodesOf, expressPath } from '../../src/domain/route-errors.js';

type Operation = { security?: unknown; responses: Record<string, unknown>; requestBody?: { content: Record<string, { schema: { $ref: string } }> } };
const document = openApiDocument('test') as unknown as { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, { additionalProperties?: boolean }> } };

describe('the OpenAPI document', () => {
  it('when it is rendered, then it is OpenAPI 3.1 with one operation per public route', () => {
    expect(document.openapi).toBe('3.1.0');
    const operations = Object.entries(document.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(operations.sort()).toEqual(apiRoutes.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('when a route needs a token, then its operation requires bearerAuth, and public ones do not', () => {
    for (const route of apiRoutes) {
      const op = document.paths[route.path]![route.method]!;
      expect(Boolean(op.security), `${route.method} ${route.path}`).toBe(route.access !== 'public');
    }
  });

  it('when a route takes a body, then the documented body refuses unknown fields as validation does', () => {
    for (const route of apiRoutes.filter((r) => r.body)) {
      const ref = document.paths[route.path]![route.method]!.requestBody!.content['application/json']!.schema.$ref;
      expect(document.components.schemas[ref.split('/').pop()!]!.additionalProperties, ref).toBe(false);
    }
  });

  it('when any route is documented, then 429 and 503 are among its answers', () => {
    for (const route of apiRoutes) expect(Object.keys(document.paths[route.path]![route.method]!.responses)).toEqual(expect.arrayContaining(['429', '503']));
  });

  it('when an admin route with a body is listed, then it may answer 400, 401, 403 and 413', () => {
    const patch = apiRoutes.find((r) => r.method === 'patch')!;
    expect([...errorCodesOf(patch).keys()]).toEqual([400, 401, 403, 404, 409, 413, 429, 503]);
  });

  it('when a route streams events, then it is documented as text/event-stream with each event pointing at its data schema', () => {
    const ok = (document.paths['/api/v1/events']!.get as unknown as { responses: Record<string, { content: Record<string, { schema: { $ref: string }; 'x-events': Record<string, { $ref: string }> }> }> }).responses['200']!;
    expect(Object.keys(ok.content)).toEqual(['text/event-stream']);
    const media = ok.content['text/event-stream']!;
    expect(media.schema.$ref).toBe('#/components/schemas/EventStream');
    expect(Object.keys(media['x-events'])).toEqual(['ready', 'order-status', 'notification']);
    for (const { $ref } of Object.values(media['x-events'])) expect(document.components.schemas[$ref.split('/').pop()!], $ref).toBeDefined();
  });

  it('when the dead letters are listed, then only administrators may, filtered by a known topic', () => {
    const route = apiRoutes.find((r) => r.path === '/api/v1/admin/dead-letters')!;
    expect(route.access).toBe('admin');
    expect([...errorCodesOf(route).keys()]).toEqual([400, 401, 403, 429, 503]);
    expect(route.query!.safeParse({ topic: 'orders.confirmed' }).data).toEqual({ topic: 'orders.confirmed', limit: 100 });
    expect(route.query!.safeParse({ topic: 'orders.confirmed.dlq' }).success).toBe(false);
  });

  it('when a documented path has parameters, then express gets them as :name', () => {
    expect(expressPath('/api/v1/cart/items/{productId}')).toBe('/api/v1/cart/items/:productId');
  });
});
