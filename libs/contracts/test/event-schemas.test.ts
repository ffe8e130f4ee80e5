import { describe, expect, it } from 'vitest';
import { aggregateIdOf, allTopics, eventSchemas, EventValidationError, parseEvent, type Topic } from '../src/index.js';
import { examples } from './fixtures.js';

describe('event schemas', () => {
  it('when listing schemas, then every topic has exactly one', () => {
    expect(Object.keys(eventSchemas).sort()).toEqual([...allTopics].sort());
  });

  it.each(allTopics)('when %s data is valid, then parseEvent returns it typed', (topic) => {
    const result = parseEvent(topic, examples[topic]);
    expect(result).toEqual({ ok: true, data: examples[topic] });
  });

  it.each(allTopics)('when %s data lacks schemaVersion 1, then it is rejected', (topic) => {
    const result = parseEvent(topic, { ...examples[topic], schemaVersion: 2 });
    expect(result.ok).toBe(false);
  });

  it('when a field is wrong, then the error names the topic and the path', () => {
    const bad = { ...examples['orders.created'], items: [{ productId: 'p-1', name: 'Mug', quantity: 0, unitPrice: { amount: 1.5, currency: 'EUR' } }] };
    const result = parseEvent('orders.created', bad);
    if (result.ok) throw new Error('expected a validation error');
    expect(result.error).toBeInstanceOf(EventValidationError);
    expect(result.error.topic).toBe('orders.created');
    const paths = result.error.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['items.0.quantity', 'items.0.unitPrice.amount', 'items.0.unitPrice.currency']));
    expect(result.error.message).toMatch(/^invalid orders\.created event: .*items\.0\.quantity/);
  });

  it('when data is not an object, then it is rejected at the root', () => {
    const result = parseEvent('payments.failed', 'nope');
    if (result.ok) throw new Error('expected a validation error');
    expect(result.error.message).toContain('(root)');
  });

  it('when the topic is unknown, then parseEvent says so instead of throwing', () => {
    const result = parseEvent('orders.exploded' as Topic, {});
    if (result.ok) throw new Error('expected a validation error');
    expect(result.error.message).toContain('unknown topic orders.exploded');
  });

  it('when money is negative or fractional, then it is rejected', () => {
    expect(parseEvent('payments.succeeded', { ...examples['payments.succeeded'], amount: { amount: -1, currency: 'USD' } }).ok).toBe(false);
    expect(parseEvent('payments.succeeded', { ...examples['payments.succeeded'], amount: { amount: 0.5, currency: 'USD' } }).ok).toBe(false);
  });

  it('when payments.failed carries an unknown reason, then it is rejected', () => {
    expect(parseEvent('payments.failed', { ...examples['payments.failed'], reason: 'USER_CANCELLED' }).ok).toBe(false);
  });

  it('when orders.cancelled is EXPIRED, then it is accepted with its items', () => {
    const result = parseEvent('orders.cancelled', { ...examples['orders.cancelled'], reason: 'EXPIRED' });
    expect(result.ok && result.data.items[0]?.productId).toBe('p-1');
  });

  it('when data carries unknown fields, then they are stripped rather than refused', () => {
    const result = parseEvent('users.registered', { ...examples['users.registered'], extra: true });
    expect(result.ok && 'extra' in result.data).toBe(false);
  });
});

describe('aggregateIdOf', () => {
  it('when the event is about an order, then the order id is the key', () => {
    expect(aggregateIdOf('payments.succeeded', examples['payments.succeeded'])).toBe('o-1');
    expect(aggregateIdOf('inventory.reservation-expired', examples['inventory.reservation-expired'])).toBe('o-1');
  });

  it('when the event is about a user or a product, then that id is the key', () => {
    expect(aggregateIdOf('users.registered', examples['users.registered'])).toBe('u-1');
    expect(aggregateIdOf('catalog.product-changed', examples['catalog.product-changed'])).toBe('p-1');
  });
});
