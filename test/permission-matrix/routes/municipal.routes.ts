import type { RouteBuilders } from '../route-builder.js';
import { aboutTheCaller, MISSING_ID } from '../route-builder.js';

/**
 * The municipal portal's performance figures and attendance feed (R-REP-5): only machine clients with their scopes;
 * every person is refused (the client side is tested in test/oneroster-gradebook.e2e-spec.ts).
 */
export const MUNICIPAL_ROUTES: RouteBuilders = {
  'GET /api/v1/municipal/performance': aboutTheCaller('/api/v1/municipal/performance', {
    query: { schoolId: MISSING_ID, periodId: MISSING_ID, groupBy: 'class' },
  }),
  'GET /api/v1/municipal/attendance': aboutTheCaller('/api/v1/municipal/attendance', {
    query: { schoolId: MISSING_ID, from: '2026-12-01', to: '2026-12-07' },
  }),
};
