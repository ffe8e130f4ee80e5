import { describe, expect, it } from 'vitest';
import { ChargeBook } from '../charges.js';

const req = (token: string, key = `k-${token}`) => ({ idempotencyKey: key, orderId: 'o1', amount: 100, currency: 'USD', token });

describe('simulated card processor', () => {
  it('when the same key is charged twice, then there is one charge', () => {
    const book = new ChargeBook();
    const first = book.attempt(req('tok_visa'));
    const second = book.attempt(req('tok_visa'));
    expect(first.kind === 'answer' && second.kind === 'answer' && first.charge.id === second.charge.id).toBe(true);
    expect(book.list('o1').items).toHaveLength(1);
  });

  it('when tok_flaky is charged, then the first two attempts fail and the third approves', () => {
    const book = new ChargeBook();
    expect(book.attempt(req('tok_flaky')).kind).toBe('fail');
    expect(book.attempt(req('tok_flaky')).kind).toBe('fail');
    const third = book.attempt(req('tok_flaky'));
    expect(third.kind === 'answer' && third.charge.status).toBe('approved');
  });

  it('when tok_decline is charged, then it is declined, not failed', () => {
    const outcome = new ChargeBook().attempt(req('tok_decline'));
    expect(outcome.kind === 'answer' && outcome.charge.status).toBe('declined');
  });

  it('when tok_slow is charged, then it is processing until the delay and approved after', async () => {
    const book = new ChargeBook(50);
    expect(book.attempt(req('tok_slow')).kind).toBe('later');
    expect(book.byKey('k-tok_slow')?.status).toBe('processing');
    await new Promise((r) => setTimeout(r, 80));
    expect(book.byKey('k-tok_slow')?.status).toBe('approved');
  });

  it('when an approved charge is refunded twice, then it is refunded once and both answers are the same charge', () => {
    const book = new ChargeBook();
    book.attempt(req('tok_visa'));
    const first = book.refund('k-tok_visa', new Date('2026-01-01T00:00:00Z'));
    const second = book.refund('k-tok_visa', new Date('2026-01-01T00:05:00Z'));
    expect(first).toMatchObject({ kind: 'refunded', charge: { status: 'refunded', refundedAt: '2026-01-01T00:00:00.000Z' } });
    expect(second).toEqual(first);
    expect(book.list('o1').items).toMatchObject([{ status: 'refunded' }]);
  });

  it('when a declined or still processing charge is refunded, then it is not refundable and keeps its status', () => {
    const book = new ChargeBook(60_000);
    book.attempt(req('tok_decline'));
    book.attempt(req('tok_slow'));
    expect(book.refund('k-tok_decline')).toMatchObject({ kind: 'not-refundable', charge: { status: 'declined' } });
    expect(book.refund('k-tok_slow')).toMatchObject({ kind: 'not-refundable', charge: { status: 'processing' } });
    expect(book.byKey('k-tok_decline')?.refundedAt).toBeUndefined();
  });

  it('when an unknown key is refunded, then there is no such charge', () => {
    expect(new ChargeBook().refund('nope')).toEqual({ kind: 'unknown' });
  });
});
