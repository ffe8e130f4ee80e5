// The simulated processor's rules: what each test token does, and one charge per idempotency key.
export type ChargeStatus = 'processing' | 'approved' | 'declined' | 'refunded';

export interface Charge {
  id: string;
  idempotencyKey: string;
  orderId: string | undefined;
  amount: number;
  currency: string;
  token: string;
  status: ChargeStatus;
  createdAt: string;
  refundedAt?: string;
}

export type Outcome =
  | { kind: 'answer'; charge: Charge }
  | { kind: 'fail'; status: number; message: string }
  | { kind: 'later'; afterMs: number; charge: Charge };

export type RefundOutcome =
  | { kind: 'refunded'; charge: Charge }
  | { kind: 'unknown' }
  | { kind: 'not-refundable'; charge: Charge };

export interface ChargeRequest {
  idempotencyKey: string;
  orderId?: string | undefined;
  amount: number;
  currency: string;
  token: string;
}

/** tok_flaky fails this many attempts per key before approving. */
export const flakyFailures = 2;
export const slowMs = 10_000;

export class ChargeBook {
  private readonly charges = new Map<string, Charge>();
  private readonly attempts = new Map<string, number>();
  private sequence = 0;

  constructor(private readonly slowAfterMs = slowMs) {}

  /** Decides the answer to one attempt; a key seen before returns its charge and never charges again. */
  attempt(req: ChargeRequest, now = new Date()): Outcome {
    const tries = (this.attempts.get(req.idempotencyKey) ?? 0) + 1;
    this.attempts.set(req.idempotencyKey, tries);
    const known = this.charges.get(req.idempotencyKey);
    if (known) return known.status === 'processing' ? { kind: 'later', afterMs: this.slowAfterMs, charge: known } : { kind: 'answer', charge: known };
    if (req.token === 'tok_flaky' && tries <= flakyFailures) return { kind: 'fail', status: 503, message: `simulated outage (attempt ${tries} of ${flakyFailures})` };
    const charge: Charge = {
      id: `ch_${++this.sequence}`,
      idempotencyKey: req.idempotencyKey,
      orderId: req.orderId,
      amount: req.amount,
      currency: req.currency,
      token: req.token,
      status: req.token === 'tok_decline' ? 'declined' : req.token === 'tok_slow' ? 'processing' : 'approved',
      createdAt: now.toISOString(),
    };
    this.charges.set(req.idempotencyKey, charge);
    if (charge.status === 'processing') {
      setTimeout(() => { if (charge.status === 'processing') charge.status = 'approved'; }, this.slowAfterMs).unref();
      return { kind: 'later', afterMs: this.slowAfterMs, charge };
    }
    return { kind: 'answer', charge };
  }

  /** Refunds an approved charge; refunding it again answers the same refunded charge. */
  refund(key: string, now = new Date()): RefundOutcome {
    const charge = this.charges.get(key);
    if (!charge) return { kind: 'unknown' };
    if (charge.status === 'approved') {
      charge.status = 'refunded';
      charge.refundedAt = now.toISOString();
    }
    return charge.status === 'refunded' ? { kind: 'refunded', charge } : { kind: 'not-refundable', charge };
  }

  byKey(key: string): Charge | undefined {
    return this.charges.get(key);
  }

  list(orderId?: string): { items: Charge[]; attempts: number } {
    const items = [...this.charges.values()].filter((c) => orderId === undefined || c.orderId === orderId);
    const attempts = items.reduce((n, c) => n + (this.attempts.get(c.idempotencyKey) ?? 0), 0);
    return { items, attempts };
  }
}
