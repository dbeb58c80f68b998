import { aboutTheCaller, type RouteBuilders } from '../route-builder.js';

/** Routes outside the API that every service has: no action, no session. */
export const PLATFORM_ROUTES: RouteBuilders = {
  'GET /health': aboutTheCaller('/health', { publicStatus: 200 }),
};
