import { type RouteBuilders, type Variant, variantsOf } from '../route-builder.js';

const TO_CANCEL = variantsOf({ own: 'lesson:math-a-to-cancel', other: 'lesson:russian-a-to-cancel', 'other-school': 'lesson:math-b' });
const TO_MOVE = variantsOf({ own: 'lesson:math-a-to-move', other: 'lesson:russian-a-to-move', 'other-school': 'lesson:math-b' });
const PAGES = variantsOf({ own: 'page:math-a', other: 'page:russian-a', 'other-school': 'page:math-b' });
const SCHOOLS = variantsOf({ own: 'school:a', 'other-school': 'school:b' });

/** A Friday when 6А has no lessons: each allowed move and extra lesson takes its own free lesson number there. */
const FRIDAY = '2026-12-18';
const LATER_FRIDAY = '2026-12-25';
const numberFor = (variant: Variant) => (variant === 'other' ? 2 : 1);

/**
 * One-off changes of the calendar (R-PLAN-3). Allowed requests may be repeated by the deputy and the director in any
 * order: cancelling a cancelled lesson, moving a lesson where it already is and adding the same extra lesson again
 * change nothing; the regeneration is a dry run. None touches a lesson the other routes write on.
 */
export const LESSON_CHANGE_ROUTES: RouteBuilders = {
  'POST /api/v1/lessons/:lessonId/cancel': {
    variants: TO_CANCEL.variants,
    request: (world, variant) => ({
      path: `/api/v1/lessons/${TO_CANCEL.idOf(world, variant)}/cancel`,
      body: { reason: 'Учитель на курсах повышения квалификации' },
      resource: TO_CANCEL.resourceOf(variant),
    }),
  },
  'POST /api/v1/lessons/:lessonId/move': {
    variants: TO_MOVE.variants,
    request: (world, variant) => ({
      path: `/api/v1/lessons/${TO_MOVE.idOf(world, variant)}/move`,
      body: { date: FRIDAY, lessonNumber: numberFor(variant), reason: 'Класс на экскурсии в четверг' },
      resource: TO_MOVE.resourceOf(variant),
    }),
  },
  'POST /api/v1/pages/:pageId/extra-lessons': {
    variants: PAGES.variants,
    request: (world, variant) => ({
      path: `/api/v1/pages/${PAGES.idOf(world, variant)}/extra-lessons`,
      body: { date: LATER_FRIDAY, lessonNumber: numberFor(variant), reason: 'Подготовка к олимпиаде' },
      resource: PAGES.resourceOf(variant),
    }),
    success: 201,
  },
  'GET /api/v1/schools/:schoolId/lesson-changes': {
    variants: SCHOOLS.variants,
    request: (world, variant) => ({
      path: `/api/v1/schools/${SCHOOLS.idOf(world, variant)}/lesson-changes`,
      query: { from: '2026-12-01', to: '2026-12-31' },
      resource: SCHOOLS.resourceOf(variant),
    }),
  },
  'POST /api/v1/schools/:schoolId/timetable/regenerate': {
    variants: SCHOOLS.variants,
    request: (world, variant) => ({
      path: `/api/v1/schools/${SCHOOLS.idOf(world, variant)}/timetable/regenerate`,
      body: { apply: false },
      resource: SCHOOLS.resourceOf(variant),
    }),
  },
};
