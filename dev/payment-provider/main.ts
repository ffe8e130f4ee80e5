// `tsx dev/payment-provider/main.ts`: the simulated card processor on PAYMENT_PROVIDER_PORT (4010), loopback
// unless PAYMENT_PROVIDER_HOST says otherwise (a container listens on 0.0.0.0).
import { createPaymentProvider } from './server.js';

const port = Number(process.env.PAYMENT_PROVIDER_PORT ?? 4010);
const host = process.env.PAYMENT_PROVIDER_HOST ?? '127.0.0.1';
const server = createPaymentProvider().listen(port, host, () => {
  console.log(`[payment-provider] listening on http://${host}:${port}`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop).on('SIGINT', stop);
