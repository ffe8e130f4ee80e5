import { describe, expect, it } from 'vitest';
import { accessControlFor, allowsOperation, services, shadowedOperations } from '../src/index.js';

describe('Dapr policies from the service catalog', () => {
  it('when a callee\'s access control is made, then only its callers appear, each denied all but its own operations', () => {
    const acl = accessControlFor('orders', 'shop');
    expect(acl.defaultAction).toBe('deny');
    expect(acl.policies.map((p) => [p.appId, p.namespace, p.defaultAction])).toEqual([['gateway', 'shop', 'deny'], ['payments', 'shop', 'deny']]);
    expect(acl.policies.find((p) => p.appId === 'payments')!.operations).toEqual([{ name: '/orders/*', httpVerb: ['GET'], action: 'allow' }]);
    expect(accessControlFor('users', 'shop').policies.map((p) => p.appId)).toEqual(['gateway']);
  });

  it('when an operation is asked about, then it is decided as Dapr decides: the first path on the way, a trailing * for one segment or none', () => {
    expect(allowsOperation('payments', 'orders', 'GET', 'orders/o-1')).toBe(true);
    expect(allowsOperation('payments', 'orders', 'POST', 'orders/o-1/cancel')).toBe(false);
    expect(allowsOperation('payments', 'orders', 'GET', 'orders/o-1/history')).toBe(false);
    expect(allowsOperation('gateway', 'cart', 'PUT', '/cart/items/p-1')).toBe(true);
    expect(allowsOperation('cart', 'catalog', 'GET', 'products')).toBe(true);
    expect(allowsOperation('cart', 'catalog', 'POST', 'products')).toBe(false);
    expect(allowsOperation('cart', 'catalog', 'PATCH', 'products/p-1')).toBe(false);
    expect(allowsOperation('cart', 'orders', 'GET', 'orders/o-1')).toBe(false);
  });

  it('when the catalog lists operations, then none hides behind another, where Dapr would never reach it', () => {
    for (const s of services) for (const callee of s.invokes) expect(shadowedOperations(s.name, callee), `${s.name} → ${callee}`).toEqual([]);
  });
});
