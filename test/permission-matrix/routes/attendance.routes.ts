import { TODAY } from '../matrix-world.js';
import { type RouteBuilders, variantsOf } from '../route-builder.js';

/** Today's math lesson of 6А (substituted), Russian of 6А (a colleague's), math of 6Б in school B. */
const LESSONS = variantsOf({ own: 'lesson:math-a-substituted', other: 'lesson:russian-a', 'other-school': 'lesson:math-b' });
/** Today's second math lesson of 6А, where the child is absent (the world records it), and math of 6Б. */
const ABSENCE_LESSONS = variantsOf({ own: 'lesson:math-a-second', 'other-school': 'lesson:math-b' });
/** The parent's child (in 6А, led by the class teacher), a child of 7А of another family, a student of school B. */
const STUDENTS = variantsOf({ own: 'student:a', other: 'student:a2', 'other-school': 'student:b' });
const CLASSES = variantsOf({ own: 'class:6a', other: 'class:7a', 'other-school': 'class:6b' });

export const ATTENDANCE_ROUTES: RouteBuilders = {
  'GET /api/v1/lessons/:lessonId/attendance/history': {
    variants: LESSONS.variants,
    request: (world, variant) => ({
      path: `/api/v1/lessons/${LESSONS.idOf(world, variant)}/attendance/history`,
      resource: LESSONS.resourceOf(variant),
    }),
  },
  'PUT /api/v1/lessons/:lessonId/attendance/:studentId/reason': {
    variants: ABSENCE_LESSONS.variants,
    request: (world, variant) => ({
      path: `/api/v1/lessons/${ABSENCE_LESSONS.idOf(world, variant)}/attendance/${world.resources[variant === 'other-school' ? 'student:b' : 'student:a'].id}/reason`,
      body: { reason: 'excused', comment: 'Заявление родителей' },
      resource: ABSENCE_LESSONS.resourceOf(variant),
    }),
  },
  'POST /api/v1/students/:studentId/absence-reasons': {
    variants: STUDENTS.variants,
    request: (world, variant) => ({
      path: `/api/v1/students/${STUDENTS.idOf(world, variant)}/absence-reasons`,
      body: { from: TODAY, to: TODAY, reason: 'illness' },
      resource: STUDENTS.resourceOf(variant),
    }),
  },
  'GET /api/v1/students/:studentId/attendance': {
    variants: STUDENTS.variants,
    request: (world, variant) => ({ path: `/api/v1/students/${STUDENTS.idOf(world, variant)}/attendance`, resource: STUDENTS.resourceOf(variant) }),
  },
  'GET /api/v1/classes/:classId/attendance': {
    variants: CLASSES.variants,
    request: (world, variant) => ({ path: `/api/v1/classes/${CLASSES.idOf(world, variant)}/attendance`, resource: CLASSES.resourceOf(variant) }),
  },
  'POST /api/v1/students/:studentId/absence-notices': {
    variants: STUDENTS.variants,
    request: (world, variant) => ({
      path: `/api/v1/students/${STUDENTS.idOf(world, variant)}/absence-notices`,
      body: { reason: 'family', from: TODAY, to: TODAY, comment: 'Семейные обстоятельства' },
      resource: STUDENTS.resourceOf(variant),
    }),
    success: 201,
  },
  'GET /api/v1/students/:studentId/absence-notices': {
    variants: STUDENTS.variants,
    request: (world, variant) => ({
      path: `/api/v1/students/${STUDENTS.idOf(world, variant)}/absence-notices`,
      resource: STUDENTS.resourceOf(variant),
    }),
  },
  // Only the class teacher may decide, and decides the world's notice once.
  'POST /api/v1/students/:studentId/absence-notices/:noticeId/decision': {
    variants: STUDENTS.variants,
    request: (world, variant) => ({
      path: `/api/v1/students/${STUDENTS.idOf(world, variant)}/absence-notices/${world.absenceNoticeId}/decision`,
      body: { decision: 'accepted' },
      resource: STUDENTS.resourceOf(variant),
    }),
  },
  'GET /api/v1/classes/:classId/absence-notices': {
    variants: CLASSES.variants,
    request: (world, variant) => ({
      path: `/api/v1/classes/${CLASSES.idOf(world, variant)}/absence-notices`,
      query: { status: 'pending' },
      resource: CLASSES.resourceOf(variant),
    }),
  },
};
