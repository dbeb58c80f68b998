import { TODAY } from '../matrix-world.js';
import { type MatrixRequest, type RouteBuilder, type RouteBuilders, variantsOf } from '../route-builder.js';

const SCHOOLS = variantsOf({ own: 'school:a', 'other-school': 'school:b' });
const CLASSES = variantsOf({ own: 'class:6a', other: 'class:7a', 'other-school': 'class:6b' });
/** Today only: a range of dates needs no period of the variant's school. */
const TODAY_RANGE = { from: TODAY, to: TODAY };

function schoolRoute(build: (schoolId: string) => Omit<MatrixRequest, 'resource'>): RouteBuilder {
  return {
    variants: SCHOOLS.variants,
    request: (world, variant) => ({ ...build(SCHOOLS.idOf(world, variant)), resource: SCHOOLS.resourceOf(variant) }),
  };
}

/** The school's control reports: completeness (R-REP-3), attendance (R-ATT-1), planned against delivered (R-PLAN-3). */
export const SCHOOL_REPORT_ROUTES: RouteBuilders = {
  'GET /api/v1/schools/:schoolId/reports/completeness': schoolRoute((schoolId) => ({
    path: `/api/v1/schools/${schoolId}/reports/completeness`,
    query: TODAY_RANGE,
  })),
  'GET /api/v1/schools/:schoolId/reports/completeness/export': schoolRoute((schoolId) => ({
    path: `/api/v1/schools/${schoolId}/reports/completeness/export`,
    query: { ...TODAY_RANGE, format: 'csv' },
  })),
  'GET /api/v1/schools/:schoolId/reports/attendance': schoolRoute((schoolId) => ({
    path: `/api/v1/schools/${schoolId}/reports/attendance`,
    query: TODAY_RANGE,
  })),
  'GET /api/v1/schools/:schoolId/reports/attendance/export': schoolRoute((schoolId) => ({
    path: `/api/v1/schools/${schoolId}/reports/attendance/export`,
    query: { ...TODAY_RANGE, format: 'csv' },
  })),
  'GET /api/v1/classes/:classId/attendance/export': {
    variants: CLASSES.variants,
    request: (world, variant) => ({
      path: `/api/v1/classes/${CLASSES.idOf(world, variant)}/attendance/export`,
      query: { ...TODAY_RANGE, format: 'csv' },
      resource: CLASSES.resourceOf(variant),
    }),
  },
  'GET /api/v1/schools/:schoolId/reports/plan-delivery': schoolRoute((schoolId) => ({
    path: `/api/v1/schools/${schoolId}/reports/plan-delivery`,
  })),
  'GET /api/v1/schools/:schoolId/reports/plan-delivery/export': schoolRoute((schoolId) => ({
    path: `/api/v1/schools/${schoolId}/reports/plan-delivery/export`,
    query: { format: 'csv' },
  })),
};
