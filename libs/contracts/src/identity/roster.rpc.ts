import { z } from 'zod';
import { AcademicYearLabel, Grade, Id, SubjectCode } from '../common/ids.js';
import { LocalDate } from '../common/local-date.js';
import { PersonName } from '../common/person-name.js';
import { defineRpc } from '../common/rpc-definition.js';
import { ClassGroup, Person, SchoolClass } from './identity.models.js';

/** A class as the roster shows it: archived classes keep their history and take no new students. */
export const RosterClass = SchoolClass.extend({ archived: z.boolean() }).meta({ id: 'RosterClass' });
export type RosterClass = z.infer<typeof RosterClass>;

export const RosterGroup = ClassGroup.extend({ archived: z.boolean() }).meta({ id: 'RosterGroup' });
export type RosterGroup = z.infer<typeof RosterGroup>;

/** A student in a class or a group from one date to another, both included; `to` null while open (R-CAL-4). */
export const DatedMember = z
  .object({ id: Id, student: Person, from: LocalDate, to: LocalDate.nullable() })
  .meta({ id: 'DatedMember' });
export type DatedMember = z.infer<typeof DatedMember>;

export const Enrollment = z
  .object({ id: Id, studentId: Id, classId: Id, from: LocalDate, to: LocalDate.nullable() })
  .meta({ id: 'Enrollment' });
export type Enrollment = z.infer<typeof Enrollment>;

/** Everyone ever enrolled in the class and in its groups, with dates: the roster keeps its history. */
export const ClassRoster = z
  .object({
    class: RosterClass,
    enrollments: z.array(DatedMember),
    groups: z.array(RosterGroup.extend({ members: z.array(DatedMember) })),
  })
  .meta({ id: 'ClassRoster' });
export type ClassRoster = z.infer<typeof ClassRoster>;

/** A student to enroll: one already known, or a new person. */
const StudentToEnroll = {
  studentId: Id.optional().meta({ description: 'Ученик, уже известный журналу' }),
  newStudent: PersonName.optional().meta({ description: 'Новый ученик' }),
};
const exactlyOneStudent = (enrollment: { studentId?: string | undefined; newStudent?: unknown }) =>
  (enrollment.studentId === undefined) !== (enrollment.newStudent === undefined);
const ONE_STUDENT = { message: 'Укажите либо ученика (studentId), либо нового ученика (newStudent)', path: ['studentId'] };

export const EnrollInput = z
  .object({ ...StudentToEnroll, from: LocalDate.meta({ description: 'Первый день в классе' }) })
  .refine(exactlyOneStudent, ONE_STUDENT)
  .meta({ id: 'EnrollInput' });

/** The enrollment that ended the day before (null when the student was already in the new class) and the new one. */
export const TransferResult = z.object({ ended: Enrollment.nullable(), started: Enrollment }).meta({ id: 'TransferResult' });
export type TransferResult = z.infer<typeof TransferResult>;

export const TransferInput = z
  .object({
    toClassId: Id.meta({ description: 'Класс, в который переводится ученик' }),
    date: LocalDate.meta({ description: 'Первый день в новом классе; в прежнем последний день — накануне' }),
    groupIds: z.array(Id).max(20).default([]).meta({ description: 'Группы нового класса, в которые ученик входит с этого дня' }),
  })
  .meta({ id: 'TransferInput' });

/** A change of a class's roster, submitted by its class teacher and applied by the administration. */
export const RosterChange = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('enroll'), ...StudentToEnroll, from: LocalDate }).refine(exactlyOneStudent, ONE_STUDENT),
    z.object({ kind: z.literal('leave'), studentId: Id, lastDay: LocalDate.meta({ description: 'Последний день в классе' }) }),
    z.object({ kind: z.literal('transfer'), studentId: Id, toClassId: Id, date: LocalDate }),
    z.object({ kind: z.literal('correct-name'), personId: Id, name: PersonName }),
  ])
  .meta({ id: 'RosterChange' });
export type RosterChange = z.infer<typeof RosterChange>;

export const RosterRequestStatus = z.enum(['pending', 'applied', 'rejected']);
export type RosterRequestStatus = z.infer<typeof RosterRequestStatus>;

export const RosterRequest = z
  .object({
    id: Id,
    schoolId: Id,
    classId: Id,
    change: RosterChange,
    comment: z.string().nullable(),
    status: RosterRequestStatus,
    submittedBy: Id.nullable(),
    submittedAt: z.iso.datetime({ offset: true }),
    decidedBy: Id.nullable(),
    decidedAt: z.iso.datetime({ offset: true }).nullable(),
    reason: z.string().nullable().meta({ description: 'Причина отклонения' }),
  })
  .meta({ id: 'RosterRequest' });
export type RosterRequest = z.infer<typeof RosterRequest>;

const LetterOfClass = z.string().trim().min(1).max(4).meta({ description: 'Буква класса', example: 'А' });
const GroupName = z.string().trim().min(1).max(100);

export const NewClass = z
  .object({ academicYear: AcademicYearLabel, grade: Grade, letter: LetterOfClass, classTeacherId: Id.nullable().default(null) })
  .meta({ id: 'NewClass' });
export const ClassChange = z
  .object({ letter: LetterOfClass.optional(), classTeacherId: Id.nullable().optional() })
  .meta({ id: 'ClassChange' });
export const NewGroup = z.object({ subjectCode: SubjectCode, name: GroupName }).meta({ id: 'NewGroup' });
export const GroupChange = z.object({ name: GroupName }).meta({ id: 'GroupChange' });
export const GroupMembersInput = z
  .object({
    studentIds: z.array(Id).max(100).meta({ description: 'Все участники группы с этой даты' }),
    from: LocalDate.meta({ description: 'С какого дня состав группы такой' }),
  })
  .meta({ id: 'GroupMembersInput' });
export const EndEnrollmentInput = z.object({ to: LocalDate.meta({ description: 'Последний день в классе' }) }).meta({ id: 'EndEnrollmentInput' });
export const RosterRequestInput = z
  .object({ change: RosterChange, comment: z.string().trim().min(1).max(1_000).optional() })
  .meta({ id: 'RosterRequestInput' });
export const RejectionInput = z.object({ reason: z.string().trim().min(1).max(1_000) }).meta({ id: 'RejectionInput' });

const ClassRef = { classId: Id };
const StatusFilter = { status: RosterRequestStatus.optional() };

/**
 * Request/reply subjects of the roster (R-CAL-3, R-CAL-4): the school's management keeps classes, groups,
 * enrollments and guardianships; the class teacher submits changes of their own class as requests. Nothing of a
 * student is ever deleted: enrollments end, classes and students are archived.
 */
export const RosterRpc = {
  classes: defineRpc<{ classes: RosterClass[] }>()(
    'identity.roster.classes',
    z.object({ schoolId: Id, academicYear: AcademicYearLabel.optional(), includeArchived: z.boolean().default(false) }),
  ),
  createClass: defineRpc<RosterClass>()('identity.roster.create-class', NewClass.extend({ schoolId: Id })),
  updateClass: defineRpc<RosterClass>()('identity.roster.update-class', ClassChange.extend(ClassRef)),
  /** Archives a class without open enrollments; its history stays. Archiving twice changes nothing. */
  archiveClass: defineRpc<RosterClass>()('identity.roster.archive-class', z.object(ClassRef)),
  roster: defineRpc<ClassRoster>()('identity.roster.class-roster', z.object(ClassRef)),

  createGroup: defineRpc<RosterGroup>()('identity.roster.create-group', NewGroup.extend(ClassRef)),
  updateGroup: defineRpc<RosterGroup>()('identity.roster.update-group', GroupChange.extend({ ...ClassRef, groupId: Id })),
  archiveGroup: defineRpc<RosterGroup>()('identity.roster.archive-group', z.object({ ...ClassRef, groupId: Id })),
  /** Sets who is in the group from a date: others leave the day before, new ones join (R-CAL-3). */
  setGroupMembers: defineRpc<ClassRoster>()(
    'identity.roster.set-group-members',
    GroupMembersInput.extend({ ...ClassRef, groupId: Id }),
  ),

  /** Enrolls a student from a date; a student is in one class on any day, so an overlap is a CONFLICT (use transfer). */
  enroll: defineRpc<Enrollment>()(
    'identity.roster.enroll',
    z.object({ ...ClassRef, ...StudentToEnroll, from: LocalDate }).refine(exactlyOneStudent, ONE_STUDENT),
  ),
  /** Sets the last day of an enrollment; the student's groups of the class end with it. */
  endEnrollment: defineRpc<Enrollment>()('identity.roster.end-enrollment', EndEnrollmentInput.extend({ ...ClassRef, enrollmentId: Id })),
  /**
   * Moves a student to another class on a date in one step (R-CAL-4): the old enrollment and its groups end the day
   * before, the new one starts; marks stay the student's (they belong to the student, not to the class).
   */
  transfer: defineRpc<TransferResult>()('identity.roster.transfer', TransferInput.extend({ studentId: Id })),
  addGuardian: defineRpc<{ parentIds: string[] }>()('identity.roster.add-guardian', z.object({ studentId: Id, parentId: Id })),
  endGuardianship: defineRpc<{ parentIds: string[] }>()('identity.roster.end-guardianship', z.object({ studentId: Id, parentId: Id })),
  /** Archives a student without open enrollments: no more enrollments; nothing of theirs is deleted anywhere. */
  archiveStudent: defineRpc<{ studentId: string; archived: true }>()('identity.roster.archive-student', z.object({ studentId: Id })),
  correctName: defineRpc<Person>()('identity.roster.correct-name', z.object({ personId: Id, name: PersonName })),

  submitRequest: defineRpc<RosterRequest>()('identity.roster.submit-request', RosterRequestInput.extend(ClassRef)),
  classRequests: defineRpc<{ requests: RosterRequest[] }>()('identity.roster.class-requests', z.object({ ...ClassRef, ...StatusFilter })),
  schoolRequests: defineRpc<{ requests: RosterRequest[] }>()(
    'identity.roster.school-requests',
    z.object({ schoolId: Id, ...StatusFilter }),
  ),
  /** Applies a pending request with the same command the administration runs directly; applying twice changes nothing. */
  applyRequest: defineRpc<RosterRequest>()('identity.roster.apply-request', z.object({ ...ClassRef, requestId: Id })),
  /** Rejects a pending request with a reason; an applied one is a CONFLICT. */
  rejectRequest: defineRpc<RosterRequest>()('identity.roster.reject-request', RejectionInput.extend({ ...ClassRef, requestId: Id })),
} as const;
