import { randomUUID } from 'node:crypto';
import { type Actor, IdentityRpc, type Lesson, PlanningRpc, type PlanTopic, SYSTEM_SEED_ACTOR, ThematicPlanRpc } from '#contracts';
import type { RpcClient } from '#platform';

const AS_SYSTEM = { actor: SYSTEM_SEED_ACTOR };

/** A school of identity and planning for lesson columns, loaded through their own commands (tests only). */
export interface ColumnWorld {
  schoolId: string;
  pageId: string;
  teacherId: string;
  teacher: Actor;
  /** Three students of 5А, and one of 5Б who is not on 5А's page. */
  students: { first: string; second: string; third: string; outsider: string };
  /** Topics of the page's plan (КТП). */
  planTopics: PlanTopic[];
  /** Math lessons of 5А from Monday 30 November to Thursday 3 December 2026, which took place by the test clock. */
  lessons: Lesson[];
}

/**
 * 5А of 2026/2027 with three students and its math page (three lessons every school day, one teacher), and 5Б with
 * one student; quarters in Asia/Yekaterinburg; the page's plan with two topics.
 */
export async function loadColumnWorld(rpc: RpcClient): Promise<ColumnWorld> {
  const key = randomUUID().slice(0, 8);
  const { id: schoolId } = await rpc.call(
    IdentityRpc.upsertSchool,
    {
      externalKey: `columns:${key}`,
      name: 'МБОУ «СОШ № 7» г. Нижневартовск',
      timeZone: 'Asia/Yekaterinburg',
      markScaleMin: 2,
      workKinds: [
        { code: 'answer', nameRu: 'Ответ на уроке', weight: '1' },
        { code: 'dictation', nameRu: 'Диктант', weight: '2' },
      ],
    },
    AS_SYSTEM,
  );
  const names = {
    teacher: ['Захарова', 'Елена', 'Игоревна'],
    first: ['Алексеев', 'Тимур', 'Русланович'],
    second: ['Белова', 'Дарья', 'Сергеевна'],
    third: ['Горбунов', 'Илья', null],
    outsider: ['Денисова', 'Алина', 'Олеговна'],
  } as const;
  const { ids } = await rpc.call(
    IdentityRpc.upsertPeople,
    {
      people: Object.entries(names).map(([name, [lastName, firstName, middleName]]) => ({
        externalKey: `columns:${key}:${name}`,
        lastName,
        firstName,
        middleName,
      })),
    },
    AS_SYSTEM,
  );
  const person = (name: keyof typeof names) => ids[`columns:${key}:${name}`]!;
  const classKey = (letter: string) => `columns:${key}:class:5${letter}`;
  const { ids: classIds } = await rpc.call(
    IdentityRpc.upsertClasses,
    {
      schoolId,
      classes: ['А', 'Б'].map((letter) => ({
        externalKey: classKey(letter),
        academicYear: '2026/2027',
        grade: 5,
        letter,
        classTeacherId: null,
      })),
    },
    AS_SYSTEM,
  );
  const class5a = classIds[classKey('А')]!;
  const class5b = classIds[classKey('Б')]!;
  await rpc.call(
    IdentityRpc.upsertEnrollments,
    {
      enrollments: [
        ...(['first', 'second', 'third'] as const).map((name) => ({ studentId: person(name), classId: class5a, from: '2026-09-01', to: null })),
        { studentId: person('outsider'), classId: class5b, from: '2026-09-01', to: null },
      ],
    },
    AS_SYSTEM,
  );
  const teacherId = person('teacher');
  const pageKey = `columns:${key}:page:math-5a`;
  const { ids: pageIds } = await rpc.call(
    IdentityRpc.upsertPages,
    {
      schoolId,
      pages: [{ externalKey: pageKey, classId: class5a, groupId: null, subjectCode: 'math', assignments: [{ teacherId, from: '2026-09-01', to: null }] }],
    },
    AS_SYSTEM,
  );
  const pageId = pageIds[pageKey]!;

  await rpc.call(PlanningRpc.upsertSubjects, { schoolId, subjects: [{ code: 'math', nameRu: 'Математика', marked: true }] }, AS_SYSTEM);
  await rpc.call(
    PlanningRpc.setBells,
    {
      schoolId,
      bells: [
        { lessonNumber: 1, start: '08:30', end: '09:10' },
        { lessonNumber: 2, start: '09:20', end: '10:00' },
        { lessonNumber: 3, start: '10:20', end: '11:00' },
      ],
    },
    AS_SYSTEM,
  );
  const quarter = (number: number, nameRu: string, start: string, end: string) =>
    ({ kind: 'quarter', number, nameRu, start, end, gradeFrom: 1, gradeTo: 11 }) as const;
  const year = await rpc.call(
    PlanningRpc.upsertYear,
    {
      schoolId,
      label: '2026/2027',
      start: '2026-09-01',
      end: '2027-05-31',
      derived: false,
      daysPerWeek: 5,
      periods: [
        quarter(1, 'I четверть', '2026-09-01', '2026-10-23'),
        quarter(2, 'II четверть', '2026-11-05', '2026-12-28'),
        quarter(3, 'III четверть', '2027-01-11', '2027-03-19'),
        quarter(4, 'IV четверть', '2027-03-30', '2027-05-31'),
      ],
      breaks: [],
      daysOff: [],
      workingWeekendDays: [],
    },
    AS_SYSTEM,
  );
  const slots = [1, 2, 3, 4, 5].flatMap((weekday) =>
    [1, 2, 3].map((lessonNumber) => ({ pageId, groupId: null, subjectCode: 'math', weekday, lessonNumber })),
  );
  await rpc.call(PlanningRpc.replaceTimetable, { yearId: year.id, classes: [{ classId: class5a, grade: 5, slots }] }, AS_SYSTEM);
  await rpc.call(PlanningRpc.generateLessons, { yearId: year.id }, AS_SYSTEM);
  const { lessons } = await rpc.call(PlanningRpc.lessonsOfPages, { pageIds: [pageId], from: '2026-11-30', to: '2026-12-03' }, AS_SYSTEM);

  const teacher: Actor = { kind: 'person', accountId: randomUUID(), personId: teacherId, grants: [{ role: 'teacher', schoolId }] };
  const topic = (title: string) => ({ title, hours: 1, plannedDate: null, kind: 'lesson' as const });
  const { plan } = await rpc.call(
    ThematicPlanRpc.save,
    { pageId, topics: [topic('Десятичные дроби'), topic('Сложение десятичных дробей')] },
    { actor: teacher },
  );
  return {
    schoolId,
    pageId,
    teacherId,
    teacher,
    students: { first: person('first'), second: person('second'), third: person('third'), outsider: person('outsider') },
    planTopics: plan.topics,
    lessons: [...lessons].sort((a, b) => `${a.date}:${a.lessonNumber}`.localeCompare(`${b.date}:${b.lessonNumber}`)),
  };
}
