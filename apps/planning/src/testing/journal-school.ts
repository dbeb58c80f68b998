import { randomUUID } from 'node:crypto';
import { type AcademicYear, type Actor, IdentityRpc, PlanningRpc, type Role, SYSTEM_SEED_ACTOR } from '#contracts';
import { Clock, type RpcClient } from '#platform';

/** A clock a test moves: "now" for every service started with it. */
export class MovableClock extends Clock {
  constructor(private instant: Date) {
    super();
  }

  now(): Date {
    return new Date(this.instant);
  }

  set(instant: Date): void {
    this.instant = instant;
  }
}

export interface JournalSchool {
  schoolId: string;
  year: AcademicYear;
  studentId: string;
  /** Lessons of 5А on Thursday 3 December 2026 (second quarter): mathematics first, music second. */
  lessons: { math: string; music: string };
  actor(role: Role): Actor;
}

const AS_SYSTEM = { actor: SYSTEM_SEED_ACTOR };
const THURSDAY = 4;

/**
 * An invented school loaded through identity's and planning's own commands, as the seed loads one: 5А of 2026/2027
 * with one pupil, mathematics and music taught by one teacher on Thursdays, quarters for grades 1–9 and half-years
 * for 10–11 in Asia/Yekaterinburg. Every role's actor is a new person of the school.
 */
export async function loadJournalSchool(rpc: RpcClient, name: string): Promise<JournalSchool> {
  const key = `${name}:${randomUUID().slice(0, 8)}`;
  const { id: schoolId } = await rpc.call(
    IdentityRpc.upsertSchool,
    {
      externalKey: `school:${key}`,
      name: `МБОУ «СОШ № 3» (${name})`,
      timeZone: 'Asia/Yekaterinburg',
      markScaleMin: 2,
      workKinds: [{ code: 'answer', nameRu: 'Ответ на уроке', weight: '1' }],
    },
    AS_SYSTEM,
  );
  const { ids: people } = await rpc.call(
    IdentityRpc.upsertPeople,
    {
      people: [
        { externalKey: `teacher:${key}`, lastName: 'Смирнова', firstName: 'Ольга', middleName: 'Викторовна' },
        { externalKey: `student:${key}`, lastName: 'Васильев', firstName: 'Кирилл', middleName: 'Андреевич' },
      ],
    },
    AS_SYSTEM,
  );
  const teacherId = people[`teacher:${key}`]!;
  const studentId = people[`student:${key}`]!;
  const { ids: classes } = await rpc.call(
    IdentityRpc.upsertClasses,
    { schoolId, classes: [{ externalKey: `class:${key}`, academicYear: '2026/2027', grade: 5, letter: 'А', classTeacherId: null }] },
    AS_SYSTEM,
  );
  const classId = classes[`class:${key}`]!;
  await rpc.call(IdentityRpc.upsertEnrollments, { enrollments: [{ studentId, classId, from: '2026-09-01', to: null }] }, AS_SYSTEM);
  const page = (subjectCode: string) => ({
    externalKey: `page:${key}:${subjectCode}`,
    classId,
    groupId: null,
    subjectCode,
    assignments: [{ teacherId, from: '2026-09-01', to: null }],
  });
  const { ids: pages } = await rpc.call(IdentityRpc.upsertPages, { schoolId, pages: [page('mathematics'), page('music')] }, AS_SYSTEM);
  const mathPage = pages[`page:${key}:mathematics`]!;
  const musicPage = pages[`page:${key}:music`]!;

  await rpc.call(
    PlanningRpc.upsertSubjects,
    {
      schoolId,
      subjects: [
        { code: 'mathematics', nameRu: 'Математика', marked: true },
        { code: 'music', nameRu: 'Музыка', marked: true },
      ],
    },
    AS_SYSTEM,
  );
  await rpc.call(
    PlanningRpc.setBells,
    {
      schoolId,
      bells: [
        { lessonNumber: 1, start: '08:30', end: '09:10' },
        { lessonNumber: 2, start: '09:20', end: '10:00' },
      ],
    },
    AS_SYSTEM,
  );
  const quarter = (number: number, nameRu: string, start: string, end: string) =>
    ({ kind: 'quarter', number, nameRu, start, end, gradeFrom: 1, gradeTo: 9 }) as const;
  const halfYear = (number: number, nameRu: string, start: string, end: string) =>
    ({ kind: 'half-year', number, nameRu, start, end, gradeFrom: 10, gradeTo: 11 }) as const;
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
        halfYear(1, 'I полугодие', '2026-09-01', '2026-12-28'),
        halfYear(2, 'II полугодие', '2027-01-11', '2027-05-31'),
      ],
      breaks: [],
      daysOff: [],
      workingWeekendDays: [],
    },
    AS_SYSTEM,
  );
  await rpc.call(
    PlanningRpc.replaceTimetable,
    {
      yearId: year.id,
      classes: [
        {
          classId,
          grade: 5,
          slots: [
            { pageId: mathPage, groupId: null, subjectCode: 'mathematics', weekday: THURSDAY, lessonNumber: 1 },
            { pageId: musicPage, groupId: null, subjectCode: 'music', weekday: THURSDAY, lessonNumber: 2 },
          ],
        },
      ],
    },
    AS_SYSTEM,
  );
  await rpc.call(PlanningRpc.generateLessons, { yearId: year.id }, AS_SYSTEM);
  const { lessons } = await rpc.call(PlanningRpc.lessonsOfPages, { pageIds: [mathPage, musicPage], from: '2026-12-03', to: '2026-12-03' });
  const lessonOf = (pageId: string) => lessons.find((lesson) => lesson.pageId === pageId)!.id;

  const actor = (role: Role): Actor => ({
    kind: 'person',
    accountId: randomUUID(),
    personId: role === 'teacher' ? teacherId : randomUUID(),
    grants: [{ role, schoolId }],
  });
  return { schoolId, year, studentId, lessons: { math: lessonOf(mathPage), music: lessonOf(musicPage) }, actor };
}
