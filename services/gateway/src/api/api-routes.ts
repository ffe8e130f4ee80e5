// Every public route in one list: the router, request validation and the OpenAPI document are all built from it.
import type { ApiRoute } from './route-definition.js';
import { cartRoutes } from './routes/cart-routes.js';
import { catalogRoutes } from './routes/catalog-routes.js';
import { identityRoutes } from './routes/identity-routes.js';
import { notificationRoutes } from './routes/notification-routes.js';
import { orderRoutes } from './routes/order-routes.js';

export const apiRoutes: readonly ApiRoute[] = [...identityRoutes, ...catalogRoutes, ...cartRoutes, ...orderRoutes, ...notificationRoutes];
