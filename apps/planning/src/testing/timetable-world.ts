import { randomUUID } from 'node:crypto';
import { type Actor, IdentityRpc, PlanningRpc, type RpcRequest, type Role, SYSTEM_SEED_ACTOR } from '#contracts';
import type { RpcClient } from '#platform';

type Slot = RpcRequest<typeof PlanningRpc.replaceTimetable>['classes'][number]['slots'][number];

const STAFF = {
  deputy: { name: ['Лебедева', 'Ольга', 'Николаевна'], role: 'deputy' },
  director: { name: ['Гусев', 'Аркадий', 'Львович'], role: 'director' },
  coordinator: { name: ['Зайцева', 'Инна', 'Михайловна'], role: 'coordinator' },
  teacher: { name: ['Фролов', 'Игорь', 'Петрович'], role: 'teacher' },
  colleague: { name: ['Соколов', 'Денис', 'Павлович'], role: 'teacher' },
  substitute: { name: ['Миронова', 'Дарья', 'Олеговна'], role: 'teacher' },
} as const satisfies Record<string, { name: [string, string, string]; role: Role }>;
type StaffKey = keyof typeof STAFF;

/** One class of the school with its whole-class pages of maths (the teacher's) and Russian (the colleague's). */
export interface WorldClass {
  classId: string;
  grade: number;
  math: string;
  russian: string;
  /** The one student of the class. */
  studentId: string;
}

/**
 * A school loaded through the services' own commands, as the system: its staff with accounts, a student in each
 * class, the 2026/27 year in quarters (autumn break 26 October – 4 November with the
 * public holiday of 4 November), six bells, maths and Russian. Each test file asks for the classes it needs.
 */
export interface TimetableWorld {
  schoolId: string;
  yearId: string;
  people: Record<StaffKey, string>;
  actor(person: StaffKey): Actor;
  /** A class with its two pages and the student enrolled; its weekly timetable set and its lessons generated. */
  addClass(letter: string, slots: (pages: { math: string; russian: string }) => Slot[]): Promise<WorldClass>;
  /** Replaces a class's weekly timetable (the lessons are left as they are). */
  setTimetable(schoolClass: WorldClass, slots: (pages: { math: string; russian: string }) => Slot[]): Promise<void>;
}

export async function loadTimetableWorld(rpc: RpcClient): Promise<TimetableWorld> {
  const call: RpcClient['call'] = (definition, payload) => rpc.call(definition, payload, { actor: SYSTEM_SEED_ACTOR, timeoutMs: 60_000 });
  const key = randomUUID().slice(0, 8);
  const { id: schoolId } = await call(IdentityRpc.upsertSchool, {
    externalKey: `timetable:${key}`,
    name: 'МБОУ «СОШ № 5»',
    timeZone: 'Asia/Yekaterinburg',
    markScaleMin: 2,
    workKinds: [{ code: 'answer', nameRu: 'Ответ на уроке', weight: '1' }],
  });
  const staffKeys = Object.keys(STAFF) as StaffKey[];
  const { ids } = await call(IdentityRpc.upsertPeople, {
    people: staffKeys.map((person) => {
      const [lastName, firstName, middleName] = STAFF[person].name;
      return { externalKey: `timetable:${key}:${person}`, lastName, firstName, middleName };
    }),
  });
  const people = Object.fromEntries(staffKeys.map((person) => [person, ids[`timetable:${key}:${person}`]!])) as Record<StaffKey, string>;
  await call(IdentityRpc.upsertAccounts, {
    accounts: staffKeys.map((person) => ({
      externalKey: `timetable:${key}:account:${person}`,
      personId: people[person],
      subject: `timetable|${key}|${person}`,
      grants: [{ role: STAFF[person].role, schoolId }],
    })),
  });
  await call(PlanningRpc.upsertSubjects, {
    schoolId,
    subjects: [
      { code: 'math', nameRu: 'Математика', marked: true },
      { code: 'russian', nameRu: 'Русский язык', marked: true },
    ],
  });
  const quarter = (number: number, nameRu: string, start: string, end: string) =>
    ({ kind: 'quarter', number, nameRu, start, end, gradeFrom: 1, gradeTo: 11 }) as const;
  const { id: yearId } = await call(PlanningRpc.upsertYear, {
    schoolId,
    label: '2026/2027',
    start: '2026-09-01',
    end: '2027-05-31',
    derived: false,
    daysPerWeek: 5,
    periods: [
      quarter(1, 'I четверть', '2026-09-01', '2026-10-25'),
      quarter(2, 'II четверть', '2026-11-05', '2026-12-28'),
      quarter(3, 'III четверть', '2027-01-11', '2027-03-21'),
      quarter(4, 'IV четверть', '2027-03-30', '2027-05-31'),
    ],
    breaks: [{ kind: 'autumn', nameRu: 'Осенние каникулы', start: '2026-10-26', end: '2026-11-04', gradeFrom: 1, gradeTo: 11 }],
    daysOff: [{ date: '2026-11-04', kind: 'public-holiday', nameRu: 'День народного единства' }],
    workingWeekendDays: [],
  });

  const setTimetable = async (schoolClass: WorldClass, slots: (pages: { math: string; russian: string }) => Slot[]) => {
    await call(PlanningRpc.replaceTimetable, {
      yearId,
      classes: [{ classId: schoolClass.classId, grade: schoolClass.grade, slots: slots(schoolClass) }],
    });
  };
  const addClass = async (letter: string, slots: (pages: { math: string; russian: string }) => Slot[]): Promise<WorldClass> => {
    const classKey = `timetable:${key}:class:${letter}`;
    const { ids: classIds } = await call(IdentityRpc.upsertClasses, {
      schoolId,
      classes: [{ externalKey: classKey, academicYear: '2026/2027', grade: 6, letter, classTeacherId: null }],
    });
    const classId = classIds[classKey]!;
    const studentKey = `${classKey}:student`;
    const { ids: studentIds } = await call(IdentityRpc.upsertPeople, {
      people: [{ externalKey: studentKey, lastName: 'Егоров', firstName: 'Антон', middleName: 'Ильич' }],
    });
    const studentId = studentIds[studentKey]!;
    await call(IdentityRpc.upsertEnrollments, { enrollments: [{ studentId, classId, from: '2026-09-01', to: null }] });
    const pageOf = async (subjectCode: string, teacherId: string) => {
      const pageKey = `${classKey}:${subjectCode}`;
      const { ids: pageIds } = await call(IdentityRpc.upsertPages, {
        schoolId,
        pages: [{ externalKey: pageKey, classId, groupId: null, subjectCode, assignments: [{ teacherId, from: '2026-09-01', to: null }] }],
      });
      return pageIds[pageKey]!;
    };
    const math = await pageOf('math', people.teacher);
    const schoolClass = { classId, grade: 6, math, russian: await pageOf('russian', people.colleague), studentId };
    await setTimetable(schoolClass, slots);
    await call(PlanningRpc.generateLessons, { yearId });
    return schoolClass;
  };
  return {
    schoolId,
    yearId,
    people,
    actor: (person) => ({ kind: 'person', accountId: randomUUID(), personId: people[person], grants: [{ role: STAFF[person].role, schoolId }] }),
    addClass,
    setTimetable,
  };
}
