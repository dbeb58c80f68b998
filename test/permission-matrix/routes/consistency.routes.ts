import type { RouteBuilders } from '../route-builder.js';
import { variantsOf } from '../route-builder.js';

const SCHOOLS = variantsOf({ own: 'school:a', 'other-school': 'school:b' });

/** The read model's consistency check (issue 6, item 7): the school's system administrator and coordinator. */
export const CONSISTENCY_ROUTES: RouteBuilders = {
  'GET /api/v1/schools/:schoolId/consistency': {
    variants: SCHOOLS.variants,
    request: (world, variant) => ({ path: `/api/v1/schools/${SCHOOLS.idOf(world, variant)}/consistency`, resource: SCHOOLS.resourceOf(variant) }),
  },
};
