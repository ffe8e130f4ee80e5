import { z } from 'zod';

// Money is integer minor units so sums never round; one currency until there is a second.
export const currencySchema = z.literal('USD');
export const moneySchema = z.object({
  amount: z.number().int().min(0),
  currency: currencySchema,
});
export type Money = z.infer<typeof moneySchema>;

export const orderStatuses = ['PENDING_PAYMENT', 'CONFIRMED', 'CANCELLED'] as const;
export const orderStatusSchema = z.enum(orderStatuses);
export type OrderStatus = z.infer<typeof orderStatusSchema>;

export const cancellationReasons = ['PAYMENT_DECLINED', 'PAYMENT_FAILED', 'USER_CANCELLED', 'EXPIRED'] as const;
export const cancellationReasonSchema = z.enum(cancellationReasons);
export type CancellationReason = z.infer<typeof cancellationReasonSchema>;

export const paymentFailureReasons = ['PAYMENT_DECLINED', 'PAYMENT_FAILED'] as const;
export const paymentFailureReasonSchema = z.enum(paymentFailureReasons);
export type PaymentFailureReason = z.infer<typeof paymentFailureReasonSchema>;

export const idSchema = z.string().min(1).max(200);
export const timestampSchema = z.iso.datetime({ offset: true });

/** One order or cart line as events and the API carry it. */
export const orderLineSchema = z.object({
  productId: idSchema,
  name: z.string().min(1),
  quantity: z.number().int().min(1),
  unitPrice: moneySchema,
});
export type OrderLine = z.infer<typeof orderLineSchema>;
