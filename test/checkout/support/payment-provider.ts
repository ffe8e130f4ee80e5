// What the simulated card processor (dev/payment-provider, started by `npm test`) recorded for an order.
export interface ProviderCharge {
  id: string;
  idempotencyKey: string;
  orderId?: string;
  amount: number;
  currency: string;
  token: string;
  status: 'processing' | 'approved' | 'declined' | 'refunded';
}

function providerUrl(): string {
  const url = process.env.PAYMENT_PROVIDER_URL;
  if (!url) throw new Error('PAYMENT_PROVIDER_URL is not set: run the system tests through `npm test`, which starts the payment-provider simulator');
  return url;
}

/** The charges made for an order and how many charge attempts reached the provider for them. */
export async function chargesOf(orderId: string): Promise<{ items: ProviderCharge[]; attempts: number }> {
  const res = await fetch(`${providerUrl()}/charges?orderId=${encodeURIComponent(orderId)}`).catch((err: unknown) => {
    throw new Error(`the payment-provider simulator at ${providerUrl()} does not answer: ${String(err)}`);
  });
  if (res.status !== 200) throw new Error(`payment-provider GET /charges answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { items: ProviderCharge[]; attempts: number };
}

export const approved = (charges: { items: ProviderCharge[] }) => charges.items.filter((c) => c.status === 'approved');
