// Charging an order once, whatever is retried or redelivered, and recording the outcome with its event.
import { randomUUID } from 'node:crypto';
import type { EventOf } from '@commercex/contracts';
import { openPayment, type ChargeResult, type Payment, type PaymentChange } from '../domain/payment.js';
import { settleFromCharge, settleFromLookup } from '../domain/settlement.js';
import { refundIfOwed, type RefundDeps } from './refund-payment.js';

export interface ChargeDeps extends RefundDeps {
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

export async function chargeOrder(event: EventOf<'orders.created'>, deps: ChargeDeps): Promise<void> {
  const now = deps.now ?? (() => new Date());
  const payment = await deps.payments.open(openPayment(event, now()));
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
