import type { MatrixWorld } from '../matrix-world.js';
import { type RouteBuilders, type Variant, variantsOf } from '../route-builder.js';

const CLASSES = variantsOf({ own: 'class:6a', other: 'class:7a', 'other-school': 'class:6b' });
const SCHOOLS = variantsOf({ own: 'school:a', 'other-school': 'school:b' });
const THURSDAY = 4;

/** The bells the matrix world set in each school: writing them again changes nothing. */
const MATRIX_BELLS = [
  { lessonNumber: 1, start: '08:30', end: '09:10' },
  { lessonNumber: 2, start: '09:20', end: '10:00' },
  { lessonNumber: 3, start: '10:10', end: '10:50' },
];

const yearOf = (world: MatrixWorld, variant: Variant) => (variant === 'other-school' ? world.years.b.id : world.years.a.id);

/** The weekly timetable each class has in the matrix world (7А has none): an allowed edit writes it again unchanged. */
function slotsOf(world: MatrixWorld, variant: Variant) {
  if (variant !== 'own') return [];
  const mathA = world.resources['page:math-a'].id;
  return [
    { pageId: world.resources['page:russian-a'].id, weekday: THURSDAY, lessonNumber: 1 },
    { pageId: mathA, weekday: THURSDAY, lessonNumber: 2 },
    { pageId: mathA, weekday: THURSDAY, lessonNumber: 3 },
  ];
}

/** The weekly timetable and the bells (R-PLAN-3). */
export const TIMETABLE_ROUTES: RouteBuilders = {
  'GET /api/v1/classes/:classId/timetable': {
    variants: CLASSES.variants,
    request: (world, variant) => ({
      path: `/api/v1/classes/${CLASSES.idOf(world, variant)}/timetable`,
      query: { yearId: yearOf(world, variant) },
      resource: CLASSES.resourceOf(variant),
    }),
  },
  'PUT /api/v1/classes/:classId/timetable': {
    variants: CLASSES.variants,
    request: (world, variant) => ({
      path: `/api/v1/classes/${CLASSES.idOf(world, variant)}/timetable`,
      body: { yearId: yearOf(world, variant), slots: slotsOf(world, variant) },
      resource: CLASSES.resourceOf(variant),
    }),
  },
  'GET /api/v1/schools/:schoolId/bells': {
    variants: SCHOOLS.variants,
    request: (world, variant) => ({ path: `/api/v1/schools/${SCHOOLS.idOf(world, variant)}/bells`, resource: SCHOOLS.resourceOf(variant) }),
  },
  'PUT /api/v1/schools/:schoolId/bells': {
    variants: SCHOOLS.variants,
    request: (world, variant) => ({
      path: `/api/v1/schools/${SCHOOLS.idOf(world, variant)}/bells`,
      body: { bells: MATRIX_BELLS },
      resource: SCHOOLS.resourceOf(variant),
    }),
  },
};
