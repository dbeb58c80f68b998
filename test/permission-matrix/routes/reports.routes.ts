import type { MatrixWorld } from '../matrix-world.js';
import type { RouteBuilders, Variant } from '../route-builder.js';
import { variantsOf } from '../route-builder.js';

const CLASSES = variantsOf({ own: 'class:6a', other: 'class:7a', 'other-school': 'class:6b' });
const SCHOOLS = variantsOf({ own: 'school:a', 'other-school': 'school:b' });
const PAGES = variantsOf({ own: 'page:math-a', other: 'page:russian-a', 'other-school': 'page:math-b' });

/** The second quarter of the page's school year (school B's for its page). */
const quarterOf = (world: MatrixWorld, variant: Variant) =>
  (variant === 'other-school' ? world.years.b : world.years.a).periods.find((period) => period.number === 2)!.id;

export const REPORT_ROUTES: RouteBuilders = {
  'GET /api/v1/pages/:pageId/print': {
    variants: PAGES.variants,
    request: (world, variant) => ({
      path: `/api/v1/pages/${PAGES.idOf(world, variant)}/print`,
      query: { periodId: quarterOf(world, variant) },
      resource: PAGES.resourceOf(variant),
    }),
  },
  'GET /api/v1/classes/:classId/summary': {
    variants: CLASSES.variants,
    request: (world, variant) => ({ path: `/api/v1/classes/${CLASSES.idOf(world, variant)}/summary`, resource: CLASSES.resourceOf(variant) }),
  },
  'GET /api/v1/classes/:classId/periods/:periodId/summary': {
    variants: CLASSES.variants,
    request: (world, variant) => ({
      path: `/api/v1/classes/${CLASSES.idOf(world, variant)}/periods/${quarterOf(world, variant)}/summary`,
      resource: CLASSES.resourceOf(variant),
    }),
  },
  'GET /api/v1/schools/:schoolId/periods/:periodId/performance': {
    variants: SCHOOLS.variants,
    request: (world, variant) => ({
      path: `/api/v1/schools/${SCHOOLS.idOf(world, variant)}/periods/${quarterOf(world, variant)}/performance`,
      resource: SCHOOLS.resourceOf(variant),
    }),
  },
  'GET /api/v1/schools/:schoolId/work-kinds': {
    variants: SCHOOLS.variants,
    request: (world, variant) => ({ path: `/api/v1/schools/${SCHOOLS.idOf(world, variant)}/work-kinds`, resource: SCHOOLS.resourceOf(variant) }),
  },
};
