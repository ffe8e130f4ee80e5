// The card processor behind the Dapr HTTP output binding `payment-provider` (its resiliency policy retries and times out).
import type { DaprSidecar } from '@commercex/platform';
import type { ChargeResult, Payment } from '../domain/payment.js';
import { chargeKeyOf } from '../domain/payment.js';

interface ProviderCharge {
  id?: string;
  idempotencyKey?: string;
  status?: 'approved' | 'declined' | 'processing' | 'refunded';
  refundedAt?: string;
}

function toResult(charge: ProviderCharge | undefined): ChargeResult {
  if (!charge?.idempotencyKey || !charge.id) return { kind: 'unknown' };
  // A refunded charge was approved first: it settles a payment as charged (and, cancelled, as owed back).
  if (charge.status === 'approved' || charge.status === 'refunded') return { kind: 'approved', chargeId: charge.id };
  if (charge.status === 'declined') return { kind: 'declined', chargeId: charge.id };
  return { kind: 'processing' };
}

export type ChargeRequest = Pick<Payment, 'orderId' | 'amount'> & { token: string };

export interface PaymentProvider {
  /** Rejects when the provider could not be reached or kept failing under the resiliency policy. */
  charge(request: ChargeRequest): Promise<ChargeResult>;
  lookup(orderId: string): Promise<ChargeResult>;
  /** Refunds the order's approved charge (idempotent at the provider); resolves with when it was refunded. */
  refund(orderId: string): Promise<{ refundedAt: string }>;
}

export function bindingPaymentProvider(dapr: DaprSidecar, bindingName = 'payment-provider'): PaymentProvider {
  const keyPath = (orderId: string) => `/charges/${encodeURIComponent(chargeKeyOf(orderId))}`;
  return {
    async charge(request) {
      const body = { amount: request.amount.amount, currency: request.amount.currency, token: request.token, orderId: request.orderId };
      const charge = await dapr.invokeBinding<ProviderCharge>(bindingName, 'post', body, { path: '/charges', 'Idempotency-Key': chargeKeyOf(request.orderId) });
      return toResult(charge);
    },
    async lookup(orderId) {
      // A 404 is an answer here (no charge was made), so it must not count as a binding failure.
      const charge = await dapr.invokeBinding<ProviderCharge>(bindingName, 'get', undefined, { path: keyPath(orderId), errorIfNot2XX: 'false' });
      return toResult(charge);
    },
    async refund(orderId) {
      const charge = await dapr.invokeBinding<ProviderCharge>(bindingName, 'post', {}, { path: `${keyPath(orderId)}/refund` });
      if (charge?.status !== 'refunded' || !charge.refundedAt) throw new Error(`the provider did not refund the charge of order ${orderId}: ${JSON.stringify(charge)}`);
      return { refundedAt: charge.refundedAt };
    },
  };
}
