import { allowsOperation, type HttpVerb, type ServiceName } from '@commercex/contracts';
import { describe, expect, it } from 'vitest';
import { apiRoutes } from '../../src/api/api-routes.js';

describe('the route list', () => {
  it('when a route goes to notifications, then it has a time limit of its own unless it is the event stream (its sidecar policy has none)', () => {
    const toNotifications = apiRoutes.filter((r) => r.upstream.appId === 'notifications');
    expect(toNotifications.map((r) => r.path).sort()).toEqual(['/api/v1/admin/dead-letters', '/api/v1/events', '/api/v1/notifications']);
    for (const route of toNotifications) expect(route.upstream.timeoutMs !== undefined, route.path).toBe(!route.eventStream);
  });

  it('when a route streams events, then it is a GET for signed-in callers', () => {
    for (const route of apiRoutes.filter((r) => r.eventStream)) expect([route.method, route.access, route.body]).toEqual(['get', 'user', undefined]);
  });

  it('when a route calls its service, then the service catalog lets the gateway call that operation (the sidecars refuse the rest)', () => {
    for (const route of apiRoutes) {
      const params = Object.fromEntries([...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name!, `some-${name}`]));
      const path = route.upstream.path(params);
      expect(allowsOperation('gateway', route.upstream.appId as ServiceName, route.method.toUpperCase() as HttpVerb, path), `${route.method} ${path}`).toBe(true);
    }
  });
});
