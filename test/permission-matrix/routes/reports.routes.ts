import type { RouteBuilders } from '../route-builder.js';
import { variantsOf } from '../route-builder.js';

const CLASSES = variantsOf({ own: 'class:6a', other: 'class:7a', 'other-school': 'class:6b' });
const SCHOOLS = variantsOf({ own: 'school:a', 'other-school': 'school:b' });

export const REPORT_ROUTES: RouteBuilders = {
  'GET /api/v1/classes/:classId/summary': {
    variants: CLASSES.variants,
    request: (world, variant) => ({ path: `/api/v1/classes/${CLASSES.idOf(world, variant)}/summary`, resource: CLASSES.resourceOf(variant) }),
  },
  'GET /api/v1/schools/:schoolId/work-kinds': {
    variants: SCHOOLS.variants,
    request: (world, variant) => ({ path: `/api/v1/schools/${SCHOOLS.idOf(world, variant)}/work-kinds`, resource: SCHOOLS.resourceOf(variant) }),
  },
};
