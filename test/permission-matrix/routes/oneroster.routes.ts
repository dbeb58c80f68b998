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

const GRADEBOOK = '/ims/oneroster/gradebook/v1p2';
const GRADEBOOK_COLLECTIONS = ['categories', 'lineItems', 'results'] as const;

/** OneRoster 1.2 gradebook (R-REP-5): only machine clients with gradebook.readonly (test/oneroster-gradebook.e2e-spec.ts). */
export const GRADEBOOK_ROUTES: RouteBuilders = {
  ...Object.fromEntries(
    GRADEBOOK_COLLECTIONS.flatMap((collection): [RouteKey, RouteBuilder][] => [
      [`GET ${GRADEBOOK}/${collection}`, aboutTheCaller(`${GRADEBOOK}/${collection}`)],
      [`GET ${GRADEBOOK}/${collection}/:sourcedId`, aboutTheCaller(`${GRADEBOOK}/${collection}/${MISSING_ID}`)],
    ]),
  ),
  [`GET ${GRADEBOOK}/classes/:classSourcedId/lineItems`]: aboutTheCaller(`${GRADEBOOK}/classes/${MISSING_ID}/lineItems`),
  [`GET ${GRADEBOOK}/classes/:classSourcedId/results`]: aboutTheCaller(`${GRADEBOOK}/classes/${MISSING_ID}/results`),
  [`GET ${GRADEBOOK}/classes/:classSourcedId/lineItems/:lineItemSourcedId/results`]: aboutTheCaller(
    `${GRADEBOOK}/classes/${MISSING_ID}/lineItems/${MISSING_ID}/results`,
  ),
  [`GET ${GRADEBOOK}/classes/:classSourcedId/students/:studentSourcedId/results`]: aboutTheCaller(
    `${GRADEBOOK}/classes/${MISSING_ID}/students/${MISSING_ID}/results`,
  ),
};
