import type { MatrixWorld } from '../matrix-world.js';
import { type MatrixRequest, type RouteBuilder, type RouteBuilders, type Variant, variantsOf } from '../route-builder.js';

/** Today's math lesson of 6А (substituted), Russian of 6А (a colleague's), math of 6Б in school B. */
const LESSONS = variantsOf({ own: 'lesson:math-a-substituted', other: 'lesson:russian-a', 'other-school': 'lesson:math-b' });
const PAGES = variantsOf({ own: 'page:math-a', other: 'page:russian-a', 'other-school': 'page:math-b' });

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
  // Changing the world's mark again and again; each persona who may deletes a mark of their own (R-MARK-7).
  'PUT /api/v1/lessons/:lessonId/marks/:markId': lessonRoute((lessonId, world) => ({
    path: `/api/v1/lessons/${lessonId}/marks/${world.marks.changed}`,
    body: { value: 4, workKind: 'answer', comment: 'диктант', reason: 'Ошибка при выставлении' },
  })),
  'DELETE /api/v1/lessons/:lessonId/marks/:markId': {
    variants: LESSONS.variants,
    request: (world, variant, persona) => ({
      path: `/api/v1/lessons/${LESSONS.idOf(world, variant)}/marks/${
        persona === 'teacher' || persona === 'substitute' ? world.marks.deletedBy[persona] : world.marks.changed
      }`,
      query: { reason: 'Поставлена по ошибке' },
      resource: LESSONS.resourceOf(variant),
    }),
    success: 204,
  },
  'GET /api/v1/lessons/:lessonId/history': lessonRoute((lessonId) => ({ path: `/api/v1/lessons/${lessonId}/history` })),
  'GET /api/v1/pages/:pageId/history': {
    variants: PAGES.variants,
    request: (world, variant) => ({
      path: `/api/v1/pages/${PAGES.idOf(world, variant)}/history`,
      query: { limit: '50' },
      resource: PAGES.resourceOf(variant),
    }),
  },
  'PUT /api/v1/lessons/:lessonId/attendance/:studentId': lessonRoute((lessonId, world, variant) => ({
    path: `/api/v1/lessons/${lessonId}/attendance/${studentOf(world, variant)}`,
    body: { status: 'late', minutesLate: 5 },
  })),
};
