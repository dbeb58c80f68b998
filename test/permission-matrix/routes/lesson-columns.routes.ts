import type { MatrixWorld } from '../matrix-world.js';
import { type RouteBuilders, type Variant, variantsOf } from '../route-builder.js';

/** Today's math lesson of 6А (substituted), Russian of 6А (a colleague's), math of 6Б in school B. */
const LESSONS = variantsOf({ own: 'lesson:math-a-substituted', other: 'lesson:russian-a', 'other-school': 'lesson:math-b' });

/** A student of the lesson's class, so that an allowed save succeeds. */
const studentOf = (world: MatrixWorld, variant: Variant) => world.resources[variant === 'other-school' ? 'student:b' : 'student:a'].id;

export const LESSON_COLUMN_ROUTES: RouteBuilders = {
  // No attendance: the personas run at once, and a column reserves the attendance it names until it is confirmed.
  'PUT /api/v1/lessons/:lessonId/column': {
    variants: LESSONS.variants,
    request: (world, variant) => ({
      path: `/api/v1/lessons/${LESSONS.idOf(world, variant)}/column`,
      body: { topic: 'Десятичные дроби', homework: '§ 12', marks: [{ studentId: studentOf(world, variant), value: 4, workKind: 'answer' }] },
      resource: LESSONS.resourceOf(variant),
    }),
  },
};
