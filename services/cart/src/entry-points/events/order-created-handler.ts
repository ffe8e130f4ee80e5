import type { EventHandler } from '@commercex/platform';
import { clearCart } from '../../domain/cart.js';
import { changeCart, type ChangeCartDeps } from '../../use-cases/change-cart.js';

/** An order was placed: the buyer's cart starts over (written with the ETag like any other change). */
export function orderCreatedHandler(deps: ChangeCartDeps): EventHandler<'orders.created'> {
  return async (event) => {
    await changeCart(event.userId, clearCart, deps);
  };
}
