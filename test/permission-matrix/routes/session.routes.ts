import { aboutTheCaller, type RouteBuilders } from '../route-builder.js';

export const SESSION_ROUTES: RouteBuilders = {
  'GET /': aboutTheCaller('/', { publicStatus: 200 }),
  'GET /api/v1/auth/login': aboutTheCaller('/api/v1/auth/login', { publicStatus: 302 }),
  // Without the provider's answer (no state, no code) the sign-in is not finished, for everybody alike.
  'GET /api/v1/auth/callback': aboutTheCaller('/api/v1/auth/callback', { publicStatus: 401 }),
  'POST /api/v1/auth/logout': aboutTheCaller('/api/v1/auth/logout', { success: 204, endsSession: true }),
  'GET /api/v1/me': aboutTheCaller('/api/v1/me'),
  'GET /api/v1/me/lessons': aboutTheCaller('/api/v1/me/lessons'),
};
