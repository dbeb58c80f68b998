import { WEEK } from '../matrix-world.js';
import { aboutTheCaller, type RouteBuilders, variantsOf } from '../route-builder.js';

/** The parent's child (in 6А, led by the class teacher), a child of 7А of another family, a student of school B. */
const STUDENTS = variantsOf({ own: 'student:a', other: 'student:a2', 'other-school': 'student:b' });

export const FAMILY_ROUTES: RouteBuilders = {
  'GET /api/v1/children': aboutTheCaller('/api/v1/children'),
  'GET /api/v1/students/:studentId/diary': {
    variants: STUDENTS.variants,
    request: (world, variant) => ({
      path: `/api/v1/students/${STUDENTS.idOf(world, variant)}/diary`,
      query: { week: WEEK },
      resource: STUDENTS.resourceOf(variant),
    }),
  },
  'GET /api/v1/students/:studentId/marks': {
    variants: STUDENTS.variants,
    request: (world, variant) => ({ path: `/api/v1/students/${STUDENTS.idOf(world, variant)}/marks`, resource: STUDENTS.resourceOf(variant) }),
  },
};
