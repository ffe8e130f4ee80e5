import { conflict, type Logger } from '@commercex/platform';
import type { CartStore } from '../data-access/cart-store.js';
import { emptyCart, viewOf, type Cart, type CartChange, type CartView } from '../domain/cart.js';
import { backoffMs } from '../domain/retry-backoff.js';

export interface ChangeCartDeps {
  carts: CartStore;
  attempts: number;
  logger: Logger;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Read, change, write with the ETag; when another writer got there first (409 CONFLICT), read the newer cart and apply
 * the change again, a bounded number of times. No change is ever written over one it did not see.
 */
export async function changeCart(userId: string, change: CartChange, deps: ChangeCartDeps): Promise<CartView> {
  for (let attempt = 0; attempt < deps.attempts; attempt++) {
    const { cart, etag } = await deps.carts.read(userId);
    const next: Cart = change(cart ?? emptyCart());
    try {
      await deps.carts.write(userId, next, etag);
      return viewOf(next);
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'CONFLICT') throw err;
    }
    await sleep(backoffMs(attempt, Math.random()));
  }
  deps.logger.warn({ attempts: deps.attempts }, 'cart change lost every ETag race');
  throw conflict('CONFLICT', 'The cart kept changing while this change was applied; retry');
}

export async function readCart(userId: string, carts: CartStore): Promise<CartView> {
  return viewOf((await carts.read(userId)).cart ?? emptyCart());
}
