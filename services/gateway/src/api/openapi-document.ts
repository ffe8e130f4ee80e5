// The OpenAPI 3.1 document, generated from the same route list and zod schemas that validate requests (zod-openapi
// renders zod v4 through z.toJSONSchema and assembles parameters, bodies, responses and components).
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import { errorCodesOf } from '../domain/route-errors.js';
import { apiRoutes } from './api-routes.js';
import { errorBody } from './common-schemas.js';
import type { ApiRoute } from './route-definition.js';

const json = (schema: ApiRoute['body']) => ({ content: { 'application/json': { schema: schema! } } });

function operationOf(route: ApiRoute): ZodOpenApiOperationObject {
  const responses: ZodOpenApiOperationObject['responses'] = {
    [String(route.success.status)]: { description: route.success.description, ...(route.success.schema ? json(route.success.schema) : {}) },
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
    components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  });
}
