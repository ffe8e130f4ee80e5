// GET /notifications: the caller's notifications, newest first.
import { Router } from 'express';
import type { NotificationRepository } from '../../data-access/notification-repository.js';
import { userIdOf } from './caller.js';

export function notificationRoutes(notifications: NotificationRepository): Router {
  const router = Router();
  router.get('/notifications', async (req, res) => {
    res.json({ items: await notifications.listByUser(userIdOf(req)) });
  });
  return router;
}
