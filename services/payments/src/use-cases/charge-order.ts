// Charging an order once, whatever is retried or redelivered, and recording the outcome with its event.
import { randomUUID } from 'node:crypto';
import type { EventOf } from '@commercex/contracts';
import type { Logger } from '@commercex/platform';
import type { PaymentProvider } from '../data-access/payment-provider.js';
import type { PaymentRepository } from '../data-access/payment-repository.js';
import { fail, openPayment, settleFromLookup, succeed, type ChargeResult, type Payment, type Settlement } from '../domain/payment.js';

export interface ChargeDeps {
  payments: PaymentRepository;
  provider: PaymentProvider;
  logger: Logger;
  onNewEvent: () => void;
  now?: () => Date;
}

function settlementOf(payment: Payment, result: ChargeResult, now: Date): Settlement | 'retry' {
  if (result.kind === 'approved') return succeed(payment, result.chargeId, now, randomUUID());
  if (result.kind === 'declined') return fail(payment, 'PAYMENT_DECLINED', 'the card was declined', now, randomUUID());
  return 'retry';
}

export class ChargeLaterError extends Error {}

export async function chargeOrder(event: EventOf<'orders.created'>, deps: ChargeDeps): Promise<void> {
  const now = deps.now ?? (() => new Date());
  const payment = await deps.payments.open(openPayment(event, now()));
  if (payment.status !== 'PENDING') return;

  let settlement: Settlement | 'retry';
  try {
    settlement = settlementOf(payment, await deps.provider.charge(payment), now());
  } catch (err) {
    deps.logger.warn({ err, orderId: payment.orderId }, 'charge call failed under the resiliency policy; asking the provider what happened');
    settlement = settleFromLookup(payment, await deps.provider.lookup(payment.orderId), now(), randomUUID());
  }
  // Still processing at the provider: fail this delivery so Dapr redelivers it later.
  if (settlement === 'retry') throw new ChargeLaterError(`the charge of order ${payment.orderId} is still processing`);
  if (await deps.payments.settle(payment.orderId, settlement)) deps.onNewEvent();
}
