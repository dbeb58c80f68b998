import type { MatrixWorld } from '../matrix-world.js';
import { MISSING_ID, type MatrixRequest, type RouteBuilder, type RouteBuilders, type Variant, variantsOf } from '../route-builder.js';
import { TODAY } from '../matrix-world.js';

/** 6А (led by the class teacher), 7А (nobody's), 6Б of school B. */
const CLASSES = variantsOf({ own: 'class:6a', other: 'class:7a', 'other-school': 'class:6b' });
/** The class the management archives (again and again): no students, one empty group. */
const OLD_CLASSES = variantsOf({ own: 'class:old-a', 'other-school': 'class:6b' });
const SCHOOLS = variantsOf({ own: 'school:a', 'other-school': 'school:b' });
const STUDENTS = variantsOf({ own: 'student:a', other: 'student:a2', 'other-school': 'student:b' });
const PEOPLE = variantsOf({ own: 'person:student-a', other: 'person:student-a2', 'other-school': 'person:student-b' });
const LEAVERS = variantsOf({ own: 'person:leaver', 'other-school': 'person:student-b' });

type ClassVariant = 'a6' | 'a7' | null;
const classOf = (variant: Variant): ClassVariant => (variant === 'own' ? 'a6' : variant === 'other' ? 'a7' : null);

/** A route about a class; `build` gets which of 6А and 7А it is (null for a class no persona may change). */
function classRoute(
  build: (world: MatrixWorld, which: ClassVariant, classId: string) => Omit<MatrixRequest, 'resource'>,
  options: Pick<RouteBuilder, 'success'> = {},
  variants = CLASSES,
): RouteBuilder {
  return {
    variants: variants.variants,
    request: (world, variant) => ({ ...build(world, classOf(variant), variants.idOf(world, variant)), resource: variants.resourceOf(variant) }),
    ...options,
  };
}

const studentOf = (world: MatrixWorld, which: ClassVariant) => (which === 'a7' ? world.people.studentA2 : world.people.student);
const NAMES = {
  a6: { lastName: 'Егоров', firstName: 'Антон', middleName: 'Ильич' },
  a7: { lastName: 'Абрамова', firstName: 'Алла', middleName: 'Сергеевна' },
} as const;
/** One letter per persona, so that every allowed persona creates its own class. */
const LETTERS: Record<string, string> = { deputy: 'Д', director: 'Е', coordinator: 'Ж' };

/**
 * The roster (R-CAL-3, R-CAL-4): allowed requests change nothing the matrix depends on. Enrollments, group members,
 * transfers and guardians are ones that already are; the enrollments ended are the leaver's, on the day they ended;
 * the class and the student archived are the empty class and the leaver; new classes and groups are new.
 */
export const ROSTER_ROUTES: RouteBuilders = {
  'GET /api/v1/schools/:schoolId/classes': {
    variants: SCHOOLS.variants,
    request: (world, variant) => ({ path: `/api/v1/schools/${SCHOOLS.idOf(world, variant)}/classes`, resource: SCHOOLS.resourceOf(variant) }),
  },
  'POST /api/v1/schools/:schoolId/classes': {
    variants: SCHOOLS.variants,
    request: (world, variant, persona) => ({
      path: `/api/v1/schools/${SCHOOLS.idOf(world, variant)}/classes`,
      body: { academicYear: '2026/2027', grade: 9, letter: LETTERS[persona] ?? 'Ю', classTeacherId: null },
      resource: SCHOOLS.resourceOf(variant),
    }),
    success: 201,
  },
  'GET /api/v1/classes/:classId/roster': classRoute((_world, _which, classId) => ({ path: `/api/v1/classes/${classId}/roster` })),
  'PATCH /api/v1/classes/:classId': classRoute((world, which, classId) => ({
    path: `/api/v1/classes/${classId}`,
    body: { letter: 'А', classTeacherId: which === 'a6' ? world.people.classTeacher : null },
  })),
  'POST /api/v1/classes/:classId/archive': classRoute((_world, _which, classId) => ({ path: `/api/v1/classes/${classId}/archive` }), {}, OLD_CLASSES),
  'POST /api/v1/classes/:classId/groups': classRoute(
    (_world, _which, classId) => ({ path: `/api/v1/classes/${classId}/groups`, body: { subjectCode: 'informatics', name: 'Информатика, 2 группа' } }),
    { success: 201 },
  ),
  'PATCH /api/v1/classes/:classId/groups/:groupId': classRoute((world, which, classId) => ({
    path: `/api/v1/classes/${classId}/groups/${which ? world.admin.groups[which] : MISSING_ID}`,
    body: { name: 'Английский, 1 группа' },
  })),
  'POST /api/v1/classes/:classId/groups/:groupId/archive': classRoute(
    (world, _which, classId) => ({
      path: `/api/v1/classes/${classId}/groups/${classId === world.resources['class:old-a'].id ? world.admin.groups.oldA : MISSING_ID}/archive`,
    }),
    {},
    OLD_CLASSES,
  ),
  'PUT /api/v1/classes/:classId/groups/:groupId/members': classRoute((world, which, classId) => ({
    path: `/api/v1/classes/${classId}/groups/${which ? world.admin.groups[which] : MISSING_ID}/members`,
    body: { studentIds: [studentOf(world, which)], from: '2026-09-01' },
  })),
  'POST /api/v1/classes/:classId/enrollments': classRoute((world, which, classId) => ({
    path: `/api/v1/classes/${classId}/enrollments`,
    body: { studentId: studentOf(world, which), from: '2026-09-01' },
  })),
  'POST /api/v1/classes/:classId/enrollments/:enrollmentId/end': classRoute((world, which, classId) => ({
    path: `/api/v1/classes/${classId}/enrollments/${which ? world.admin.leaverEnrollments[which] : MISSING_ID}/end`,
    body: { to: which === 'a7' ? '2026-09-30' : '2026-09-15' },
  })),
  'POST /api/v1/students/:studentId/transfer': {
    variants: STUDENTS.variants,
    request: (world, variant) => ({
      path: `/api/v1/students/${STUDENTS.idOf(world, variant)}/transfer`,
      body: {
        toClassId: world.resources[variant === 'other' ? 'class:7a' : variant === 'other-school' ? 'class:6b' : 'class:6a'].id,
        date: TODAY,
      },
      resource: STUDENTS.resourceOf(variant),
    }),
  },
  'POST /api/v1/students/:studentId/guardians': {
    variants: PEOPLE.variants,
    request: (world, variant) => ({
      path: `/api/v1/students/${PEOPLE.idOf(world, variant)}/guardians`,
      body: { parentId: variant === 'other' ? world.people.otherParent : world.people.parent },
      resource: PEOPLE.resourceOf(variant),
    }),
  },
  // The parent who is not the student's guardian: ending what is not changes nothing.
  'DELETE /api/v1/students/:studentId/guardians/:parentId': {
    variants: PEOPLE.variants,
    request: (world, variant) => ({
      path: `/api/v1/students/${PEOPLE.idOf(world, variant)}/guardians/${variant === 'other' ? world.people.parent : world.people.otherParent}`,
      resource: PEOPLE.resourceOf(variant),
    }),
  },
  'POST /api/v1/students/:studentId/archive': {
    variants: LEAVERS.variants,
    request: (world, variant) => ({ path: `/api/v1/students/${LEAVERS.idOf(world, variant)}/archive`, resource: LEAVERS.resourceOf(variant) }),
  },
  'PATCH /api/v1/people/:personId': {
    variants: PEOPLE.variants,
    request: (world, variant) => ({
      path: `/api/v1/people/${PEOPLE.idOf(world, variant)}`,
      body: { name: variant === 'other' ? NAMES.a7 : NAMES.a6 },
      resource: PEOPLE.resourceOf(variant),
    }),
  },

  'POST /api/v1/classes/:classId/roster-requests': classRoute(
    (world, which, classId) => ({
      path: `/api/v1/classes/${classId}/roster-requests`,
      body: { change: { kind: 'correct-name', personId: studentOf(world, which), name: which === 'a7' ? NAMES.a7 : NAMES.a6 } },
    }),
    { success: 201 },
  ),
  'GET /api/v1/classes/:classId/roster-requests': classRoute((_world, _which, classId) => ({ path: `/api/v1/classes/${classId}/roster-requests` })),
  'GET /api/v1/schools/:schoolId/roster-requests': {
    variants: SCHOOLS.variants,
    request: (world, variant) => ({
      path: `/api/v1/schools/${SCHOOLS.idOf(world, variant)}/roster-requests`,
      query: { status: 'pending' },
      resource: SCHOOLS.resourceOf(variant),
    }),
  },
  'POST /api/v1/classes/:classId/roster-requests/:requestId/apply': classRoute((world, which, classId) => ({
    path: `/api/v1/classes/${classId}/roster-requests/${which ? world.admin.requests.apply[which] : MISSING_ID}/apply`,
  })),
  'POST /api/v1/classes/:classId/roster-requests/:requestId/reject': classRoute((world, which, classId) => ({
    path: `/api/v1/classes/${classId}/roster-requests/${which ? world.admin.requests.reject[which] : MISSING_ID}/reject`,
    body: { reason: 'Нет приказа' },
  })),
};
