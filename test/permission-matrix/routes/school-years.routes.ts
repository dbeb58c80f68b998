import type { MatrixWorld } from '../matrix-world.js';
import type { MatrixRequest, RouteBuilder, RouteBuilders, Variant } from '../route-builder.js';
import { variantsOf } from '../route-builder.js';

const SCHOOLS = variantsOf({ own: 'school:a', 'other-school': 'school:b' });

/** The year of the variant's school (school A's under a missing school: the school decides, and it does not exist). */
const yearOf = (world: MatrixWorld, variant: Variant) => (variant === 'other-school' ? world.years.b : world.years.a);

/** A route under /api/v1/schools/:schoolId; `build` gets the school id and that school's 2026/2027 year. */
function schoolRoute(
  build: (schoolId: string, year: MatrixWorld['years']['a']) => Omit<MatrixRequest, 'resource'>,
  options: Pick<RouteBuilder, 'success'> = {},
): RouteBuilder {
  return {
    variants: SCHOOLS.variants,
    request: (world, variant) => ({ ...build(SCHOOLS.idOf(world, variant), yearOf(world, variant)), resource: SCHOOLS.resourceOf(variant) }),
    ...options,
  };
}

/** The first quarter (over before TODAY, no lesson of the matrix in it): closing and reopening it disturbs nothing. */
const firstQuarter = (year: MatrixWorld['years']['a']) => year.periods.find((period) => period.number === 1)!.id;

/**
 * School years, periods and the curriculum (R-CAL-1, R-CAL-3, R-MARK-1). Allowed writes repeat what already is:
 * closing a closed quarter, reopening an open one, initialising an initialised plan and setting a line to what it is
 * change nothing and answer the same.
 */
export const SCHOOL_YEAR_ROUTES: RouteBuilders = {
  'GET /api/v1/schools/:schoolId/years': schoolRoute((schoolId) => ({ path: `/api/v1/schools/${schoolId}/years` })),
  'POST /api/v1/schools/:schoolId/periods/:periodId/close': schoolRoute((schoolId, year) => ({
    path: `/api/v1/schools/${schoolId}/periods/${firstQuarter(year)}/close`,
    body: { reason: 'Приказ об итогах I четверти' },
  })),
  'POST /api/v1/schools/:schoolId/periods/:periodId/reopen': schoolRoute((schoolId, year) => ({
    path: `/api/v1/schools/${schoolId}/periods/${firstQuarter(year)}/reopen`,
    body: { reason: 'Исправление итоговой отметки' },
  })),
  'GET /api/v1/schools/:schoolId/years/:yearId/period-log': schoolRoute((schoolId, year) => ({
    path: `/api/v1/schools/${schoolId}/years/${year.id}/period-log`,
  })),
  'GET /api/v1/schools/:schoolId/years/:yearId/curriculum': schoolRoute((schoolId, year) => ({
    path: `/api/v1/schools/${schoolId}/years/${year.id}/curriculum`,
    query: { grade: '6' },
  })),
  'POST /api/v1/schools/:schoolId/years/:yearId/curriculum/initialize': schoolRoute((schoolId, year) => ({
    path: `/api/v1/schools/${schoolId}/years/${year.id}/curriculum/initialize`,
    body: { grades: [6, 7] },
  })),
  'PUT /api/v1/schools/:schoolId/years/:yearId/curriculum/grades/:grade/subjects/:subjectCode': schoolRoute((schoolId, year) => ({
    path: `/api/v1/schools/${schoolId}/years/${year.id}/curriculum/grades/6/subjects/math`,
    body: { hoursPerWeek: 5, split: false, marked: true },
  })),
  'GET /api/v1/schools/:schoolId/years/:yearId/curriculum/log': schoolRoute((schoolId, year) => ({
    path: `/api/v1/schools/${schoolId}/years/${year.id}/curriculum/log`,
  })),
};
