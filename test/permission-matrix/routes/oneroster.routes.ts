import type { RouteBuilder, RouteBuilders, RouteKey } from '../route-builder.js';
import { aboutTheCaller, MISSING_ID } from '../route-builder.js';

const BASE = '/ims/oneroster/rostering/v1p2';
const COLLECTIONS = ['orgs', 'academicSessions', 'courses', 'classes', 'users', 'enrollments'] as const;

/**
 * OneRoster 1.2 rostering (R-REP-5): only machine clients with a roster scope; every person is refused (the client
 * side is tested in apps/gateway/src/oneroster/oneroster.int-spec.ts).
 */
export const ONEROSTER_ROUTES: RouteBuilders = Object.fromEntries(
  COLLECTIONS.flatMap((collection): [RouteKey, RouteBuilder][] => [
    [`GET ${BASE}/${collection}`, aboutTheCaller(`${BASE}/${collection}`)],
    [`GET ${BASE}/${collection}/:sourcedId`, aboutTheCaller(`${BASE}/${collection}/${MISSING_ID}`)],
  ]),
);
