// `tsx dev/payment-provider/main.ts`: the simulated card processor on PAYMENT_PROVIDER_PORT (4010).
import { createPaymentProvider } from './server.js';

const port = Number(process.env.PAYMENT_PROVIDER_PORT ?? 4010);
const server = createPaymentProvider().listen(port, '127.0.0.1', () => {
  console.log(`[payment-provider] listening on http://127.0.0.1:${port}`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop).on('SIGINT', stop);
