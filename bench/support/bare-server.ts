// The baseline: a bare node:http server answering every request with the same bytes the gateway returns.
import { createServer } from 'node:http';

const payload = Buffer.from(process.env.BENCH_PAYLOAD ?? '{}');
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': payload.length });
  res.end(payload);
});
server.listen(Number(process.env.BENCH_PORT ?? 0), '127.0.0.1', () => console.log('listening'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
