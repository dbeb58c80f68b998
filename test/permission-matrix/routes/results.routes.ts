import type { MatrixWorld } from '../matrix-world.js';
import { type MatrixRequest, type RouteBuilder, type RouteBuilders, type Variant, variantsOf } from '../route-builder.js';

const PAGES = variantsOf({ own: 'page:math-a', other: 'page:russian-a', 'other-school': 'page:math-b' });
const SCHOOLS = variantsOf({ own: 'school:a', 'other-school': 'school:b' });

/** The year of the variant's school: school B's for its page and for itself, school A's otherwise. */
const yearOf = (world: MatrixWorld, variant: Variant) => (variant === 'other-school' ? world.years.b : world.years.a);
/** The second quarter, which TODAY is in and which no route of the matrix closes. */
const quarterOf = (world: MatrixWorld, variant: Variant) => yearOf(world, variant).periods.find((period) => period.number === 2)!.id;

function pageRoute(build: (pageId: string, periodId: string, yearId: string, world: MatrixWorld) => Omit<MatrixRequest, 'resource'>): RouteBuilder {
  return {
    variants: PAGES.variants,
    request: (world, variant) => ({
      ...build(PAGES.idOf(world, variant), quarterOf(world, variant), yearOf(world, variant).id, world),
      resource: PAGES.resourceOf(variant),
    }),
  };
}

function schoolRoute(build: (schoolId: string, periodId: string, yearId: string) => string): RouteBuilder {
  return {
    variants: SCHOOLS.variants,
    request: (world, variant) => ({
      path: build(SCHOOLS.idOf(world, variant), quarterOf(world, variant), yearOf(world, variant).id),
      resource: SCHOOLS.resourceOf(variant),
    }),
  };
}

/**
 * Period and year results (R-MARK-6): the teacher of math of 6А sets the child's results to 4 (again and again: the
 * same value changes nothing); the management reads the results that differ from the proposal.
 */
export const RESULT_ROUTES: RouteBuilders = {
  'GET /api/v1/pages/:pageId/periods/:periodId/results': pageRoute((pageId, periodId) => ({ path: `/api/v1/pages/${pageId}/periods/${periodId}/results` })),
  'PUT /api/v1/pages/:pageId/periods/:periodId/results/:studentId': pageRoute((pageId, periodId, _yearId, world) => ({
    path: `/api/v1/pages/${pageId}/periods/${periodId}/results/${world.people.student}`,
    body: { value: 4 },
  })),
  'GET /api/v1/pages/:pageId/periods/:periodId/results/history': pageRoute((pageId, periodId) => ({
    path: `/api/v1/pages/${pageId}/periods/${periodId}/results/history`,
  })),
  'GET /api/v1/pages/:pageId/years/:yearId/results': pageRoute((pageId, _periodId, yearId) => ({ path: `/api/v1/pages/${pageId}/years/${yearId}/results` })),
  'PUT /api/v1/pages/:pageId/years/:yearId/results/:studentId': pageRoute((pageId, _periodId, yearId, world) => ({
    path: `/api/v1/pages/${pageId}/years/${yearId}/results/${world.people.student}`,
    body: { value: 4 },
  })),
  'GET /api/v1/pages/:pageId/years/:yearId/results/history': pageRoute((pageId, _periodId, yearId) => ({
    path: `/api/v1/pages/${pageId}/years/${yearId}/results/history`,
  })),
  'GET /api/v1/schools/:schoolId/periods/:periodId/result-deviations': schoolRoute(
    (schoolId, periodId) => `/api/v1/schools/${schoolId}/periods/${periodId}/result-deviations`,
  ),
  'GET /api/v1/schools/:schoolId/years/:yearId/result-deviations': schoolRoute(
    (schoolId, _periodId, yearId) => `/api/v1/schools/${schoolId}/years/${yearId}/result-deviations`,
  ),
};
