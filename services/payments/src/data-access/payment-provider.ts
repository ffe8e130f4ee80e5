// The card processor behind the Dapr HTTP output binding `payment-provider` (its resiliency policy retries and times out).
import type { DaprSidecar } from '@commercex/platform';
import type { ChargeResult, Payment } from '../domain/payment.js';
import { chargeKeyOf } from '../domain/payment.js';

interface ProviderCharge {
  id?: string;
  idempotencyKey?: string;
  status?: 'approved' | 'declined' | 'processing';
}

function toResult(charge: ProviderCharge | undefined): ChargeResult {
  if (!charge?.idempotencyKey || !charge.id) return { kind: 'unknown' };
  if (charge.status === 'approved') return { kind: 'approved', chargeId: charge.id };
  if (charge.status === 'declined') return { kind: 'declined', chargeId: charge.id };
  return { kind: 'processing' };
}

export interface PaymentProvider {
  /** Rejects when the provider could not be reached or kept failing under the resiliency policy. */
  charge(payment: Payment): Promise<ChargeResult>;
  lookup(orderId: string): Promise<ChargeResult>;
}

export function bindingPaymentProvider(dapr: DaprSidecar, bindingName = 'payment-provider'): PaymentProvider {
  return {
    async charge(payment) {
      const body = { amount: payment.amount.amount, currency: payment.amount.currency, token: payment.token, orderId: payment.orderId };
      const charge = await dapr.invokeBinding<ProviderCharge>(bindingName, 'post', body, { path: '/charges', 'Idempotency-Key': chargeKeyOf(payment.orderId) });
      return toResult(charge);
    },
    async lookup(orderId) {
      // A 404 is an answer here (no charge was made), so it must not count as a binding failure.
      const charge = await dapr.invokeBinding<ProviderCharge>(bindingName, 'get', undefined, { path: `/charges/${encodeURIComponent(chargeKeyOf(orderId))}`, errorIfNot2XX: 'false' });
      return toResult(charge);
    },
  };
}
