import type { RouteBuilders } from '../route-builder.js';

/** Machine clients of the municipal portal, administered by the school's sysadmin and IS coordinator. */
export const API_CLIENT_ROUTES: RouteBuilders = {
  'POST /api/v1/admin/api-clients': {
    variants: ['none'],
    request: (world) => ({
      path: '/api/v1/admin/api-clients',
      body: { name: 'Муниципальный портал', scopes: ['gradebook.readonly'], schoolIds: [world.schoolA] },
      resource: null,
    }),
    success: 201,
  },
  'GET /api/v1/admin/api-clients': {
    variants: ['none'],
    request: () => ({ path: '/api/v1/admin/api-clients', resource: null }),
  },
  // Revoking twice changes nothing: every allowed persona revokes the world's client again.
  'POST /api/v1/admin/api-clients/:clientId/revoke': {
    variants: ['none'],
    request: (world) => ({ path: `/api/v1/admin/api-clients/${world.apiClientId}/revoke`, resource: null }),
  },
};
