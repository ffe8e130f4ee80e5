// The public routes: guard, limit, validate with the route's schemas, then call the owning service through Dapr.
import { validate, validationFailed, type DaprSidecar, type Logger } from '@commercex/platform';
import { Router, type Request, type RequestHandler } from 'express';
import { apiRoutes } from '../../api/api-routes.js';
import type { ApiRoute } from '../../api/route-definition.js';
import { accessControl, callerOf } from '../../auth/access-control.js';
import type { TokenVerifier } from '../../auth/token-verifier.js';
import { callerHeaders } from '../../domain/caller.js';
import { expressPath } from '../../domain/route-errors.js';
import type { EventStreams } from './event-streams.js';
import { withoutInternals } from './upstream-errors.js';

export interface ProxyDeps {
  dapr: DaprSidecar;
  verify: TokenVerifier;
  limitUser: RequestHandler;
  limitAuth: RequestHandler;
  logger: Logger;
  streams: EventStreams;
}

function headerValidation(route: ApiRoute): RequestHandler[] {
  const schema = route.headers;
  if (!schema) return [];
  return [(req, res, next) => {
    const given = Object.fromEntries(Object.keys(schema.shape).map((name) => [name, req.get(name)]));
    const result = schema.safeParse(given);
    if (!result.success) throw validationFailed(result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, in: 'headers' })));
    res.locals.headers = result.data;
    next();
  }];
}

function forward(route: ApiRoute, deps: ProxyDeps): RequestHandler {
  const { method, upstream, success } = route;
  return async (req: Request, res) => {
    const headers = { ...callerHeaders(callerOf(res)), ...(res.locals.headers as Record<string, string> | undefined) };
    const answer = await deps.dapr
      .invoke(upstream.appId, upstream.path(req.params as Record<string, string>), {
        httpMethod: method.toUpperCase() as 'GET',
        headers,
        ...(upstream.timeoutMs === undefined ? {} : { timeoutMs: upstream.timeoutMs }),
        ...(route.body ? { body: req.body as unknown } : {}),
        ...(route.query ? { query: req.query as Record<string, string | number | undefined> } : {}),
      })
      .catch((err: unknown) => Promise.reject(withoutInternals(err, deps.logger)));
    if (success.status === 204) res.status(204).end();
    else res.status(success.status).json(answer);
  };
}

export function proxyRoutes(deps: ProxyDeps): Router {
  const router = Router();
  for (const route of apiRoutes) {
    router[route.method](
      expressPath(route.path),
      ...(route.limit === 'auth' ? [deps.limitAuth] : []),
      ...accessControl(route.access, deps.verify),
      deps.limitUser,
      ...headerValidation(route),
      validate({ ...(route.params ? { params: route.params } : {}), ...(route.query ? { query: route.query } : {}), ...(route.body ? { body: route.body } : {}) }),
      route.eventStream ? deps.streams.relay(route) : forward(route, deps),
    );
  }
  return router;
}
