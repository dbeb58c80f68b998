import type { MatrixWorld } from '../matrix-world.js';
import { type MatrixRequest, type RouteBuilder, type RouteBuilders, type Variant, variantsOf } from '../route-builder.js';

/** Today's math lesson of 6А (substituted), Russian of 6А (a colleague's), math of 6Б in school B. */
const LESSONS = variantsOf({ own: 'lesson:math-a-substituted', other: 'lesson:russian-a', 'other-school': 'lesson:math-b' });

/** A student of the lesson's class, so that an allowed write succeeds. */
const studentOf = (world: MatrixWorld, variant: Variant) => world.resources[variant === 'other-school' ? 'student:b' : 'student:a'].id;

function lessonRoute(
  build: (lessonId: string, world: MatrixWorld, variant: Variant) => Omit<MatrixRequest, 'resource'>,
  options: Pick<RouteBuilder, 'success'> = {},
): RouteBuilder {
  return {
    variants: LESSONS.variants,
    request: (world, variant) => ({ ...build(LESSONS.idOf(world, variant), world, variant), resource: LESSONS.resourceOf(variant) }),
    ...options,
  };
}

export const LESSON_ROUTES: RouteBuilders = {
  'GET /api/v1/lessons/:lessonId': lessonRoute((lessonId) => ({ path: `/api/v1/lessons/${lessonId}` })),
  'PUT /api/v1/lessons/:lessonId/content': lessonRoute((lessonId) => ({
    path: `/api/v1/lessons/${lessonId}/content`,
    body: { topic: 'Десятичные дроби', homework: '§ 12, № 345' },
  })),
  'POST /api/v1/lessons/:lessonId/marks': lessonRoute(
    (lessonId, world, variant) => ({
      path: `/api/v1/lessons/${lessonId}/marks`,
      body: { studentId: studentOf(world, variant), value: 5, workKind: 'answer' },
    }),
    { success: 201 },
  ),
  'PUT /api/v1/lessons/:lessonId/attendance/:studentId': lessonRoute((lessonId, world, variant) => ({
    path: `/api/v1/lessons/${lessonId}/attendance/${studentOf(world, variant)}`,
    body: { status: 'late', minutesLate: 5 },
  })),
};
