// Registration and order events become notifications, stored once, then pushed to the user's live streams.
import type { Logger, SubscriptionRouter } from '@commercex/platform';
import type { LiveFeed } from '../../data-access/live-feed.js';
import type { NotificationRepository } from '../../data-access/notification-repository.js';
import { liveEventsFor, type OrderStatusChange } from '../../domain/live-event.js';
import { orderCancelled, orderConfirmed, orderReceived, welcome, type Notification } from '../../domain/notification.js';

export interface NotificationHandlerDeps {
  notifications: NotificationRepository;
  feed: LiveFeed;
  logger: Logger;
  onStored: (n: Notification) => void;
}

export function subscribeNotificationHandlers(router: SubscriptionRouter, deps: NotificationHandlerDeps): SubscriptionRouter {
  const tell = async (n: Notification, status?: OrderStatusChange): Promise<void> => {
    if (!(await deps.notifications.insertIfAbsent(n))) return;
    deps.onStored(n);
    // Live delivery is best effort: the stored notification stays listable if Redis is away.
    for (const event of liveEventsFor(n, status)) {
      await deps.feed.publish(event).catch((err: unknown) => deps.logger.warn({ err, notificationId: n.id }, 'could not publish a live event'));
    }
  };
  return router
    .on('users.registered', (e) => tell(welcome(e, new Date())))
    .on('orders.created', (e) => tell(orderReceived(e), { orderId: e.orderId, status: 'PENDING_PAYMENT', at: e.createdAt }))
    .on('orders.confirmed', (e) => tell(orderConfirmed(e), { orderId: e.orderId, status: 'CONFIRMED', at: e.confirmedAt }))
    .on('orders.cancelled', (e) => tell(orderCancelled(e), { orderId: e.orderId, status: 'CANCELLED', reason: e.reason, at: e.cancelledAt }));
}
