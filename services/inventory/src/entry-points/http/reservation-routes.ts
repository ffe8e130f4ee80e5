// Reservations, invoked by orders through Dapr under a retry policy: keyed by order id, so a repeated call has one effect.
import { idSchema } from '@commercex/contracts';
import { notFound, validate } from '@commercex/platform';
import { Router } from 'express';
import { z } from 'zod';
import type { ReservationRepository } from '../../data-access/reservation-repository.js';
import { reservationView } from '../../domain/reservation.js';
import { reserveStock, type ReserveDeps } from '../../use-cases/reserve-stock.js';

const reserveBody = z.strictObject({
  orderId: idSchema,
  items: z.array(z.strictObject({ productId: idSchema, quantity: z.number().int().min(1).max(100_000) })).min(1).max(100),
});

export function reservationRoutes(deps: ReserveDeps & { reservations: ReservationRepository }): Router {
  const router = Router();

  router.post('/reservations', validate({ body: reserveBody }), async (req, res) => {
    const { orderId, items } = req.body as z.output<typeof reserveBody>;
    const reservation = await reserveStock(orderId, items, deps);
    if (reservation.state === 'REJECTED') res.status(200).json({ ...reservationView(reservation), shortLines: reservation.shortLines ?? [] });
    else res.status(201).json(reservationView(reservation));
  });

  router.get('/reservations/:orderId', validate({ params: z.object({ orderId: idSchema }) }), async (req, res) => {
    const orderId = req.params.orderId as string;
    const reservation = await deps.reservations.find(orderId);
    if (!reservation) throw notFound('No reservation for this order', { orderId });
    res.json({ ...reservationView(reservation), settled: reservation.settled, unpublishedEvents: await deps.reservations.hasPendingEvents(orderId) });
  });

  return router;
}
