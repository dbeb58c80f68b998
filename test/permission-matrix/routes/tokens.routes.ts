import { aboutTheCaller, type RouteBuilders } from '../route-builder.js';

/**
 * The OAuth2 endpoints of the mobile app and machine clients authenticate the caller themselves: without a client or
 * a code they refuse everybody alike, whoever's session cookie comes along; revoking nothing succeeds (RFC 7009).
 */
export const TOKEN_ROUTES: RouteBuilders = {
  'GET /api/v1/auth/authorize': aboutTheCaller('/api/v1/auth/authorize', { publicStatus: 400 }),
  'POST /api/v1/auth/token': aboutTheCaller('/api/v1/auth/token', { publicStatus: 400 }),
  'POST /api/v1/auth/revoke': aboutTheCaller('/api/v1/auth/revoke', { publicStatus: 200 }),
};
