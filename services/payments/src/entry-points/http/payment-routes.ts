import { notFound } from '@commercex/platform';
import { Router } from 'express';
import type { PaymentRepository } from '../../data-access/payment-repository.js';

export function paymentRoutes(payments: PaymentRepository): Router {
  const router = Router();
  router.get('/payments/:orderId', async (req, res) => {
    const payment = await payments.findByOrderId(req.params.orderId);
    if (!payment) throw notFound('No payment for this order');
    res.json(payment);
  });
  return router;
}
