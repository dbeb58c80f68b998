import { aboutTheCaller, type RouteBuilders } from '../route-builder.js';

/** A parent's own notification feed and settings (R-REP-4): about the caller only, parents only. */
export const NOTIFICATION_ROUTES: RouteBuilders = {
  'GET /api/v1/me/notifications': aboutTheCaller('/api/v1/me/notifications', { query: { limit: '5' } }),
  'POST /api/v1/me/notifications/read': {
    variants: ['none'],
    request: () => ({ path: '/api/v1/me/notifications/read', body: { all: true }, resource: null }),
  },
  'GET /api/v1/me/notification-settings': aboutTheCaller('/api/v1/me/notification-settings'),
  'PUT /api/v1/me/notification-settings': {
    variants: ['none'],
    request: () => ({
      path: '/api/v1/me/notification-settings',
      body: { email: 'parent@example.org', emailMode: 'digest' },
      resource: null,
    }),
  },
};
