import type {
  Actor,
  AttendanceEntry,
  Child,
  LessonDetails,
  LessonRecord,
  Page,
  Person,
  ResolvedAccount,
  School,
  SchoolClass,
  Subject,
} from '#contracts';

/** A made-up school for gateway tests: the answers the fake services give. Invented people only. */
export const SCHOOL: School = {
  id: '5c000000-0000-4000-8000-000000000001',
  name: 'МБОУ «Тестовая СОШ № 7»',
  timeZone: 'Asia/Yekaterinburg',
  markScaleMin: 2,
  workKinds: [
    { code: 'answer', nameRu: 'Ответ на уроке', weight: '1' },
    { code: 'test', nameRu: 'Контрольная работа', weight: '2' },
  ],
};

export interface TestPerson {
  login: string;
  password: string;
  subject: string;
  account: ResolvedAccount;
}

function person(
  key: number,
  login: string,
  role: ResolvedAccount['grants'][number]['role'] | null,
  [lastName, firstName, middleName]: [string, string, string | null],
): TestPerson {
  return {
    login,
    password: `пароль-${login}`,
    subject: `sub-${login}`,
    account: {
      accountId: `acc00000-0000-4000-8000-0000000000${String(key).padStart(2, '0')}`,
      personId: `be000000-0000-4000-8000-0000000000${String(key).padStart(2, '0')}`,
      name: { lastName, firstName, middleName },
      grants: role ? [{ role, schoolId: SCHOOL.id }] : [],
    },
  };
}

export const TEACHER = person(1, 'teacher', 'teacher', ['Смирнова', 'Анна', 'Игоревна']);
export const PARENT = person(2, 'parent', 'parent', ['Кузнецов', 'Олег', 'Петрович']);
export const STUDENT = person(3, 'student', 'student', ['Кузнецов', 'Дмитрий', 'Олегович']);
export const SYSADMIN = person(4, 'sysadmin', 'sysadmin', ['Волков', 'Игорь', null]);
/** Known to the IdP but not to identity (no self-registration, R-ACC-1). */
export const STRANGER = person(5, 'stranger', null, ['Незнакомов', 'Пётр', null]);
export const REVOKED = person(6, 'revoked', 'teacher', ['Уволенная', 'Ольга', null]);
export const OTHER_PARENT = person(7, 'other-parent', 'parent', ['Соколова', 'Вера', null]);
export const DIRECTOR = person(8, 'director', 'director', ['Орлова', 'Галина', 'Сергеевна']);
export const PEOPLE = [TEACHER, PARENT, STUDENT, SYSADMIN, STRANGER, REVOKED, OTHER_PARENT, DIRECTOR] as const;

export const CHILD: Child = {
  id: STUDENT.account.personId,
  lastName: 'Кузнецов',
  firstName: 'Дмитрий',
  middleName: 'Олегович',
  schoolId: SCHOOL.id,
  classId: 'c1a55000-0000-4000-8000-000000000005',
  className: '5А',
};

export const CLASS_5A: SchoolClass = {
  id: CHILD.classId!,
  schoolId: SCHOOL.id,
  academicYear: '2026/2027',
  grade: 5,
  letter: 'А',
  name: '5А',
  classTeacherId: TEACHER.account.personId,
};

const page = (id: string, classId: string, className: string, grade: number, subjectCode: string): Page => ({
  id,
  schoolId: SCHOOL.id,
  classId,
  className,
  grade,
  academicYear: '2026/2027',
  subjectCode,
  groupId: null,
  groupName: null,
  assignments: [{ teacherId: TEACHER.account.personId, from: '2026-09-01', to: null }],
});

export const PAGE_5A_MATH = page('9a9e0000-0000-4000-8000-000000000051', CLASS_5A.id, '5А', 5, 'math');
export const PAGE_1A_READING = page('9a9e0000-0000-4000-8000-000000000011', 'c1a55000-0000-4000-8000-000000000001', '1А', 1, 'reading');

export const SUBJECTS: Subject[] = [
  { schoolId: SCHOOL.id, code: 'math', nameRu: 'Математика', marked: true },
  { schoolId: SCHOOL.id, code: 'reading', nameRu: 'Литературное чтение', marked: true },
];

const lessonOn = (id: string, onPage: Page, date: string, lessonNumber: number, startsAt: string, endsAt: string): LessonDetails => ({
  lesson: {
    id,
    schoolId: SCHOOL.id,
    yearId: 'ae000000-0000-4000-8000-000000000001',
    pageId: onPage.id,
    classId: onPage.classId,
    grade: onPage.grade,
    subjectCode: onPage.subjectCode,
    date,
    lessonNumber,
    startsAt,
    endsAt,
    status: 'scheduled',
  },
  subject: SUBJECTS.find((subject) => subject.code === onPage.subjectCode)!,
  period: null,
  yearLabel: '2026/2027',
});

/** Thursday 3 December 2026 (TEST_NOW): math in 5А at lesson 3, reading in 1А at lesson 1. */
export const LESSON_5A_MATH = lessonOn('1e550000-0000-4000-8000-000000000053', PAGE_5A_MATH, '2026-12-03', 3, '10:00', '10:40');
export const LESSON_1A_READING = lessonOn('1e550000-0000-4000-8000-000000000011', PAGE_1A_READING, '2026-12-03', 1, '08:30', '09:10');
/** A day earlier, so that "today" matters. */
export const LESSON_5A_MATH_YESTERDAY = lessonOn('1e550000-0000-4000-8000-000000000052', PAGE_5A_MATH, '2026-12-02', 2, '09:10', '09:50');

export interface SeenCall {
  subject: string;
  payload: unknown;
  requestId: string | undefined;
  actor: Actor | undefined;
}

/** The mutable state behind the fake services, one per test file. */
export class FakeWorld {
  readonly accounts = new Map<string, ResolvedAccount | 'revoked'>(
    [TEACHER, PARENT, STUDENT, SYSADMIN, OTHER_PARENT, DIRECTOR].map((who) => [who.subject, who.account] as const),
  );
  readonly lessons = [LESSON_5A_MATH, LESSON_1A_READING, LESSON_5A_MATH_YESTERDAY];
  readonly pages = [PAGE_5A_MATH, PAGE_1A_READING];
  readonly students: Person[] = [{ id: CHILD.id, lastName: CHILD.lastName, firstName: CHILD.firstName, middleName: CHILD.middleName }];
  readonly records = new Map<string, LessonRecord>();
  readonly attendance = new Map<string, AttendanceEntry[]>();
  readonly seen: SeenCall[] = [];

  constructor() {
    this.accounts.set(REVOKED.subject, 'revoked');
  }
}
