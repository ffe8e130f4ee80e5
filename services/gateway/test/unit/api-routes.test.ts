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
});
