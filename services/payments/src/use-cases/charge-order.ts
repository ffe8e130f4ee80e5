// Charging an order once, whatever is retried or redelivered, and recording the outcome with its event.
import { randomUUID } from 'node:crypto';
import type { EventOf } from '@commercex/contracts';
import type { OrderStatusSource } from '../data-access/order-status.js';
import { recordCancellation } from '../domain/cancellation.js';
import { openPayment, type ChargeResult, type Payment, type PaymentChange } from '../domain/payment.js';
import { settleFromCharge, settleFromLookup } from '../domain/settlement.js';
import { refundIfOwed, type RefundDeps } from './refund-payment.js';

export interface ChargeDeps extends RefundDeps {
  orders: OrderStatusSource;
  onNewEvent: () => void;
}

export class ChargeLaterError extends Error {}

type Settle = (payment: Payment, now: Date, eventId: string) => PaymentChange | undefined | 'retry';

/** A cancelled order is never charged anew: only what the provider already has for it settles the payment. */
async function askProvider(payment: Payment, token: string, deps: ChargeDeps): Promise<Settle> {
  const fromLookup = (found: ChargeResult): Settle => (p, now, id) => settleFromLookup(p, found, now, id);
  if (payment.cancelledAt) return fromLookup(await deps.provider.lookup(payment.orderId));
  try {
    const result = await deps.provider.charge({ orderId: payment.orderId, amount: payment.amount, token });
    return (p, now, id) => settleFromCharge(p, result, now, id);
  } catch (err) {
    deps.logger.warn({ err, orderId: payment.orderId }, 'charge call failed under the resiliency policy; asking the provider what happened');
    return fromLookup(await deps.provider.lookup(payment.orderId));
  }
}

/**
 * orders.created and orders.cancelled arrive on two topics, in no set order (both wait in Kafka while payments is down):
 * before charging, orders is asked whether the order is cancelled already. If it cannot answer, the charge goes ahead
 * and a cancellation that follows is refunded.
 */
async function withCancellationFromOrders(payment: Payment, deps: ChargeDeps, now: () => Date): Promise<Payment> {
  if (payment.cancelledAt) return payment;
  const status = await deps.orders.statusOf(payment.orderId, payment.userId).catch((err: unknown) => {
    deps.logger.warn({ err, orderId: payment.orderId }, 'orders could not say whether the order is cancelled; charging it');
    return undefined;
  });
  if (status !== 'CANCELLED') return payment;
  const { payment: after } = await deps.payments.apply(payment.orderId, (current) => recordCancellation(current, now()));
  return after ?? payment;
}

export async function chargeOrder(event: EventOf<'orders.created'>, deps: ChargeDeps): Promise<void> {
  const now = deps.now ?? (() => new Date());
  const opened = await deps.payments.open(openPayment(event, now()));
  const payment = opened.status === 'PENDING' ? await withCancellationFromOrders(opened, deps, now) : opened;
  // Settled already (a redelivery), or void: nothing to charge, but a refund may still be owed.
  if (payment.status !== 'PENDING') return refundIfOwed(payment, deps);

  const settle = await askProvider(payment, event.paymentToken, deps);
  // Still processing at the provider: fail this delivery so Dapr redelivers it later.
  if (settle(payment, now(), randomUUID()) === 'retry') throw new ChargeLaterError(`the charge of order ${payment.orderId} is still processing`);
  // Decided on the payment as it is under its lock: orders.cancelled may have arrived while the charge was in flight.
  const { payment: after, published } = await deps.payments.apply(payment.orderId, (current) => {
    const change = settle(current, now(), randomUUID());
    return change === 'retry' ? undefined : change;
  });
  if (published) deps.onNewEvent();
  await refundIfOwed(after, deps);
}
