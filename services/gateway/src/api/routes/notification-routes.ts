import type { ApiRoute } from '../route-definition.js';
import { upstreamPath } from '../route-definition.js';
import { deadLetterList, deadLetterQuery, eventStream, liveEvents, notificationList } from '../notification-schemas.js';

// The sidecars set no timeout for notifications, so that GET /events can stay open (components/*/resiliency.yaml).
const timeoutMs = 5_000;

export const notificationRoutes: ApiRoute[] = [
  {
    method: 'get', path: '/api/v1/notifications', tag: 'notifications', access: 'user', summary: "The caller's notifications, newest first",
    success: { status: 200, description: 'The notifications', schema: notificationList },
    upstream: { appId: 'notifications', path: upstreamPath('notifications'), timeoutMs },
  },
  {
    method: 'get', path: '/api/v1/events', tag: 'notifications', access: 'user',
    summary: "Server-Sent Events: the caller's order status changes and notifications as they happen",
    success: { status: 200, description: 'An event stream that stays open; reconnect when it ends (EventSource does)', schema: eventStream },
    eventStream: liveEvents,
    upstream: { appId: 'notifications', path: upstreamPath('events') },
  },
  {
    method: 'get', path: '/api/v1/admin/dead-letters', tag: 'admin', access: 'admin', summary: 'Messages that reached a dead-letter topic, newest first',
    query: deadLetterQuery, success: { status: 200, description: 'The dead-lettered messages', schema: deadLetterList },
    upstream: { appId: 'notifications', path: upstreamPath('dead-letters'), timeoutMs },
  },
];
