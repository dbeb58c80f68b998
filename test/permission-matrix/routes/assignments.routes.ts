import { HANDOVER, type MatrixWorld } from '../matrix-world.js';
import { type RouteBuilders, type Variant, variantsOf } from '../route-builder.js';

const PAGES = variantsOf({ own: 'page:math-a', other: 'page:russian-a', 'other-school': 'page:math-b' });
const SUBSTITUTED = variantsOf({ own: 'lesson:math-a-substituted', other: 'lesson:russian-a', 'other-school': 'lesson:math-b' });
/** Removing a substitution is tried on a lesson that has none, so that the substitute keeps theirs for the others. */
const UNSUBSTITUTED = variantsOf({ own: 'lesson:math-a-second', other: 'lesson:russian-a', 'other-school': 'lesson:math-b' });

/**
 * Allowed requests change nothing the matrix depends on: the page goes to the teacher it already has, and the lesson
 * to the substitute it already has (or, on a lesson of no persona, to the colleague whose page it is).
 */
function currentTeacher(world: MatrixWorld, variant: Variant): { teacherId: string; from: string } {
  if (variant === 'own' || variant === 'missing') return { teacherId: world.people.teacher, from: HANDOVER };
  return { teacherId: variant === 'other' ? world.people.colleague : world.people.teacherB, from: '2026-09-01' };
}

export const ASSIGNMENT_ROUTES: RouteBuilders = {
  'POST /api/v1/pages/:pageId/handover': {
    variants: PAGES.variants,
    request: (world, variant) => ({
      path: `/api/v1/pages/${PAGES.idOf(world, variant)}/handover`,
      body: currentTeacher(world, variant),
      resource: PAGES.resourceOf(variant),
    }),
  },
  'PUT /api/v1/lessons/:lessonId/substitute': {
    variants: SUBSTITUTED.variants,
    request: (world, variant) => ({
      path: `/api/v1/lessons/${SUBSTITUTED.idOf(world, variant)}/substitute`,
      body: { teacherId: variant === 'own' ? world.people.substitute : currentTeacher(world, variant).teacherId },
      resource: SUBSTITUTED.resourceOf(variant),
    }),
  },
  'DELETE /api/v1/lessons/:lessonId/substitute': {
    variants: UNSUBSTITUTED.variants,
    request: (world, variant) => ({
      path: `/api/v1/lessons/${UNSUBSTITUTED.idOf(world, variant)}/substitute`,
      resource: UNSUBSTITUTED.resourceOf(variant),
    }),
    success: 204,
  },
};
