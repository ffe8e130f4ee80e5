// Carts in the Dapr state store. Every write is conditional: with the ETag read, or "0" (create only) for a new cart,
// so two writers can never both win; the loser gets 409 CONFLICT and applies its change again.
import type { DaprSidecar } from '@commercex/platform';
import type { Cart } from '../domain/cart.js';

// Redis state: a first-write save with version "0" succeeds only while the key does not exist.
const newKeyEtag = '0';

export interface StoredCart {
  cart: Cart | undefined;
  etag: string | undefined;
}

export class CartStore {
  constructor(
    private readonly dapr: DaprSidecar,
    private readonly store: string,
    private readonly ttlSeconds: number,
  ) {}

  async read(userId: string): Promise<StoredCart> {
    const entry = await this.dapr.getState<Cart>(this.store, keyOf(userId));
    return { cart: entry?.value, etag: entry?.etag };
  }

  async write(userId: string, cart: Cart, etag: string | undefined): Promise<void> {
    await this.dapr.saveState(this.store, keyOf(userId), cart, { etag: etag ?? newKeyEtag, metadata: { ttlInSeconds: String(this.ttlSeconds) } });
  }
}

const keyOf = (userId: string) => `cart-${userId}`;
