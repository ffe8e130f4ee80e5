// The OpenAPI 3.1 document, generated from the same route list and zod schemas that validate requests (zod-openapi
// renders zod v4 through z.toJSONSchema and assembles parameters, bodies, responses and components).
import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import { errorCodesOf } from '../domain/route-errors.js';
import { apiRoutes } from './api-routes.js';
import { errorBody } from './common-schemas.js';
import type { ApiRoute } from './route-definition.js';

const json = (schema: ApiRoute['body']) => ({ content: { 'application/json': { schema: schema! } } });

/** OpenAPI 3.1 has no schema for the items of a stream: the stream is text, and x-events points at each event's data. */
function eventStream(route: ApiRoute) {
  const events = Object.fromEntries(Object.entries(route.eventStream!).map(([name, schema]) => [name, { $ref: `#/components/schemas/${schemaId(schema)}` }]));
  return { content: { 'text/event-stream': { schema: route.success.schema!, 'x-events': events } } };
}

function schemaId(schema: z.ZodType): string {
  const id = z.globalRegistry.get(schema)?.id;
  if (!id) throw new Error('an event schema needs an id (.meta({ id }))');
  return id;
}

/** Event data schemas are referenced from x-events only, so they are registered as components by hand. */
function eventSchemas(): Record<string, z.ZodType> {
  return Object.fromEntries(apiRoutes.flatMap((r) => Object.values(r.eventStream ?? {})).map((schema) => [schemaId(schema), schema]));
}

function successContent(route: ApiRoute) {
  if (route.eventStream) return eventStream(route);
  return route.success.schema ? json(route.success.schema) : {};
}

function operationOf(route: ApiRoute): ZodOpenApiOperationObject {
  const responses: ZodOpenApiOperationObject['responses'] = {
    [String(route.success.status)]: { description: route.success.description, ...successContent(route) },
  };
  for (const [status, codes] of errorCodesOf(route)) {
    responses[String(status) as `${4 | 5}${string}`] = { description: codes.join(', '), ...json(errorBody), ...(status === 429 ? { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } } } : {}) };
  }
  return {
    operationId: `${route.method}${route.path.replace(/^\/api\/v1/, '').replace(/[{}]/g, '').replace(/[/-](\w)/g, (_m, c: string) => c.toUpperCase())}`,
    summary: route.summary,
    tags: [route.tag],
    ...(route.access === 'public' ? {} : { security: [{ bearerAuth: [] }] }),
    requestParams: { ...(route.params ? { path: route.params } : {}), ...(route.query ? { query: route.query } : {}), ...(route.headers ? { header: route.headers } : {}) },
    ...(route.body ? { requestBody: { required: true, ...json(route.body) } } : {}),
    responses,
  };
}

export function openApiDocument(version: string): ReturnType<typeof createDocument> {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of apiRoutes) paths[route.path] = { ...paths[route.path], [route.method]: operationOf(route) };
  return createDocument({
    openapi: '3.1.0',
    info: { title: 'CommerceX public API', version, description: 'JSON in and out; every error is { error: { code, message, details? } }.' },
    servers: [{ url: 'http://localhost:8080', description: 'self-hosted (GATEWAY_PORT moves it)' }],
    components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } }, schemas: eventSchemas() },
    paths,
  });
}
