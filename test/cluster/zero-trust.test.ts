// What the sidecars enforce in the cluster, asked from inside an app's own pod as a compromised app would:
// invocations the service catalog does not allow, publishes outside a topic's scope, secrets outside an app's scope.
import { beforeAll, describe, expect, it } from 'vitest';
import { clusterUnderTest, nodeInPod, type ClusterUnderTest } from './support/cluster.js';

let shop: ClusterUnderTest;
beforeAll(() => {
  shop = clusterUnderTest();
});

/** Calls the pod's own sidecar with the app's Dapr API token; prints `<status> <body>`. */
async function fromSidecarOf(service: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: string }> {
  const script = `fetch('http://127.0.0.1:' + process.env.DAPR_HTTP_PORT + ${JSON.stringify(path)}, {
    method: ${JSON.stringify(method)},
    headers: { 'dapr-api-token': process.env.DAPR_API_TOKEN, 'content-type': 'application/json' },
    ${body === undefined ? '' : `body: ${JSON.stringify(JSON.stringify(body))},`}
  }).then(async (r) => console.log(r.status + ' ' + (await r.text())), (e) => { console.log('0 ' + e.message); });`;
  const out = await nodeInPod(shop.kubectl, service, script);
  const [status, ...rest] = out.split(' ');
  return { status: Number(status), body: rest.join(' ') };
}

describe('zero trust in the cluster', () => {
  it('when cart looks a product up in catalog, an operation the catalog allows it, then the sidecars let it through', async () => {
    const res = await fromSidecarOf('cart', 'GET', '/v1.0/invoke/catalog/method/products/no-such-product');
    expect(res.status, res.body).toBe(404);
  });

  it('when payments cancels an order, an operation it may not call on orders, then orders\' sidecar answers 403', async () => {
    const res = await fromSidecarOf('payments', 'POST', '/v1.0/invoke/orders/method/orders/o-1/cancel', {});
    expect(res.status, res.body).toBe(403);
    expect(res.body).toMatch(/access control policy|PermissionDenied/i);
  });

  it('when cart invokes payments, which the service catalog does not allow, then payments\' sidecar answers 403', async () => {
    const res = await fromSidecarOf('cart', 'GET', '/v1.0/invoke/payments/method/health');
    expect(res.status, res.body).toBe(403);
    expect(res.body).toMatch(/access control policy|ERR_DIRECT_INVOKE|PermissionDenied/i);
  });

  it('when cart publishes payments.succeeded, outside its publishing scope, then its sidecar refuses', async () => {
    const res = await fromSidecarOf('cart', 'POST', '/v1.0/publish/pubsub/payments.succeeded', { orderId: 'forged', amount: 1 });
    expect(res.status, res.body).toBe(403);
    expect(res.body).toMatch(/ERR_PUBSUB_FORBIDDEN/);
  });

  it('when users reads the administrator secret, which it needs, then it gets it', async () => {
    const res = await fromSidecarOf('users', 'GET', '/v1.0/secrets/secretstore/admin');
    expect(res.status, res.body).toBe(200);
    expect(Object.keys(JSON.parse(res.body) as object).sort()).toEqual(['email', 'password']);
  });

  it('when gateway reads the administrator secret, outside its secret scope, then its sidecar refuses', async () => {
    const res = await fromSidecarOf('gateway', 'GET', '/v1.0/secrets/secretstore/admin');
    expect(res.status, res.body).toBe(403);
    expect(res.body).toMatch(/ERR_PERMISSION_DENIED/);
  });

  it('when cart reads the signing key from a store it is not scoped to, then there is no such store for it', async () => {
    const res = await fromSidecarOf('cart', 'GET', '/v1.0/secrets/secretstore/jwt-signing-key');
    expect(res.status, res.body).not.toBe(200);
    expect(res.body).toMatch(/ERR_SECRET_STORE(S)?_NOT_(FOUND|CONFIGURED)/);
  });
});
