// A card processor for development: POST /charges (Idempotency-Key header), POST /charges/:key/refund, GET /charges/:key,
// GET /charges?orderId=.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ChargeBook } from './charges.js';

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text ? JSON.parse(text) : {};
}

export function createPaymentProvider(book = new ChargeBook()): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://provider');
    void (async () => {
      if (req.method === 'POST' && url.pathname === '/charges') {
        const key = req.headers['idempotency-key'];
        const body = (await readJson(req)) as { amount?: number; currency?: string; token?: string; orderId?: string };
        if (typeof key !== 'string' || !key) return send(res, 400, { error: 'Idempotency-Key header is required' });
        if (!Number.isInteger(body.amount) || typeof body.token !== 'string') return send(res, 400, { error: 'amount (integer) and token are required' });
        const outcome = book.attempt({ idempotencyKey: key, orderId: body.orderId, amount: body.amount!, currency: body.currency ?? 'USD', token: body.token });
        if (outcome.kind === 'fail') return send(res, outcome.status, { error: outcome.message });
        if (outcome.kind === 'later') await new Promise((r) => setTimeout(r, outcome.afterMs));
        return send(res, 200, outcome.kind === 'later' ? book.byKey(key) : outcome.charge);
      }
      const refund = /^\/charges\/([^/]+)\/refund$/.exec(url.pathname);
      if (req.method === 'POST' && refund) {
        const outcome = book.refund(decodeURIComponent(refund[1]!));
        if (outcome.kind === 'unknown') return send(res, 404, { error: 'no charge with this idempotency key' });
        if (outcome.kind === 'not-refundable') return send(res, 409, { error: `only an approved charge can be refunded; this one is ${outcome.charge.status}`, charge: outcome.charge });
        return send(res, 200, outcome.charge);
      }
      if (req.method === 'GET' && url.pathname.startsWith('/charges/')) {
        const charge = book.byKey(decodeURIComponent(url.pathname.slice('/charges/'.length)));
        return charge ? send(res, 200, charge) : send(res, 404, { error: 'no charge with this idempotency key' });
      }
      if (req.method === 'GET' && url.pathname === '/charges') return send(res, 200, book.list(url.searchParams.get('orderId') ?? undefined));
      if (req.method === 'GET' && url.pathname === '/health') return send(res, 200, { status: 'ok' });
      send(res, 404, { error: 'not found' });
    })().catch((err: unknown) => send(res, 400, { error: `bad request: ${String(err)}` }));
  });
}
