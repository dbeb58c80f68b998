import { MATRIX_PERSONAL_DATA } from '../admin-fixtures.js';
import type { MatrixWorld } from '../matrix-world.js';
import { type RouteBuilders, type Variant, variantsOf } from '../route-builder.js';

/** The parent's child, a child of another family in school A, a student of school B. */
const PEOPLE = variantsOf({ own: 'person:student-a', other: 'person:student-a2', 'other-school': 'person:student-b' });
const SCHOOLS = variantsOf({ own: 'school:a', 'other-school': 'school:b' });

const personRoute = (body?: unknown) => ({
  variants: PEOPLE.variants,
  request: (world: MatrixWorld, variant: Variant) => ({
    path: `/api/v1/people/${PEOPLE.idOf(world, variant)}/personal-data`,
    resource: PEOPLE.resourceOf(variant),
    ...(body === undefined ? {} : { body }),
  }),
});

const listRoute = (suffix: (world: MatrixWorld) => string, body?: (world: MatrixWorld) => unknown, success?: number) => ({
  variants: SCHOOLS.variants,
  request: (world: MatrixWorld, variant: Variant) => ({
    path: `/api/v1/schools/${SCHOOLS.idOf(world, variant)}/${suffix(world)}`,
    resource: SCHOOLS.resourceOf(variant),
    ...(body ? { body: body(world) } : {}),
  }),
  ...(success ? { success } : {}),
});

/**
 * Personal data (R-ACC-2): the director, on school A's personal-data list, writes the same data again and again; the
 * director is put on the list again (changing nothing) and a teacher not on it is taken off (changing nothing).
 */
export const PERSONAL_DATA_ROUTES: RouteBuilders = {
  'GET /api/v1/people/:personId/personal-data': personRoute(),
  'PUT /api/v1/people/:personId/personal-data': personRoute(MATRIX_PERSONAL_DATA),
  'GET /api/v1/schools/:schoolId/personal-data-list': listRoute(() => 'personal-data-list'),
  'POST /api/v1/schools/:schoolId/personal-data-list': listRoute(
    () => 'personal-data-list',
    (world) => ({ personId: world.people.director }),
  ),
  'DELETE /api/v1/schools/:schoolId/personal-data-list/:personId': listRoute(
    (world) => `personal-data-list/${world.people.teacher}`,
    undefined,
    204,
  ),
  'GET /api/v1/schools/:schoolId/personal-data-log': listRoute(() => 'personal-data-log'),
};
