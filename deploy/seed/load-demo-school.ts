import { createHash } from 'node:crypto';
import {
  AttendanceRpc,
  IdentityRpc,
  JournalRpc,
  type Lesson,
  PlanningRpc,
  type RoleGrant,
  SYSTEM_SEED_ACTOR,
} from '#contracts';
import { addDays } from '#domain';
import type { RpcClient } from '#platform';
import { type HistoryStudent, type ImportedEntry, type ImportedLesson, illnessCalendar, lessonHistory } from './history/lesson-history.js';
import type { DemoSchoolPlan, DemoYear } from './school/demo-school-plan.js';
import type { DemoLogin, PlanEnrollment, PlanMembership } from './school/plan-types.js';

export interface DevIdpAdmin {
  url: string;
  adminToken: string;
}

export interface DemoLoaderOptions {
  rpc: RpcClient;
  plan: DemoSchoolPlan;
  /** The school's date today: history (topics, marks, attendance) is loaded for lessons before it. */
  today: string;
  loadHistory: boolean;
  devIdp?: DevIdpAdmin;
  password: string;
  log?: (message: string) => void;
}

export interface DemoLoadResult {
  schoolId: string;
  personIds: Map<string, string>;
  classIds: Map<string, string>;
  pageIds: Map<string, string>;
  yearIds: Map<string, string>;
  lessonsImported: number;
  marksImported: number;
  attendanceImported: number;
  logins: DemoLogin[];
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

function required<K, V>(map: Map<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Demo loader: nothing loaded for ${String(key)}`);
  return value;
}

/** The OIDC subject of a demo login: stable, so loading again links the same accounts. */
export function demoSubject(login: string): string {
  return `demo-${createHash('sha256').update(`ejournal-demo:${login}`).digest('hex').slice(0, 32)}`;
}

function covers(range: { from: string; to: string | null }, date: string): boolean {
  return range.from <= date && (range.to === null || date <= range.to);
}

/**
 * Loads the demo school through the services' own commands (never SQL into their tables). Every step is idempotent:
 * loading twice on the same day changes nothing.
 */
export async function loadDemoSchool(options: DemoLoaderOptions): Promise<DemoLoadResult> {
  const { rpc, plan } = options;
  const log = options.log ?? (() => undefined);
  const call: RpcClient['call'] = (definition, payload) => rpc.call(definition, payload, { actor: SYSTEM_SEED_ACTOR, timeoutMs: 120_000 });

  const { id: schoolId } = await call(IdentityRpc.upsertSchool, plan.school);
  await call(PlanningRpc.upsertSubjects, { schoolId, subjects: plan.subjects });
  await call(PlanningRpc.setBells, { schoolId, bells: plan.bells });
  const yearIds = new Map<string, string>();
  for (const year of plan.years) {
    const saved = await call(PlanningRpc.upsertYear, { schoolId, ...year.request });
    yearIds.set(year.request.label, saved.id);
  }
  log(`school, subjects and ${plan.years.length} school years`);

  const personIds = new Map<string, string>();
  for (const batch of chunks(plan.people, 2_000)) {
    const { ids } = await call(IdentityRpc.upsertPeople, {
      people: batch.map((person) => ({ externalKey: person.key, ...person.name })),
    });
    for (const [key, id] of Object.entries(ids)) personIds.set(key, id);
  }
  for (const batch of chunks(plan.logins, 2_000)) {
    await call(IdentityRpc.upsertAccounts, {
      accounts: batch.map((login) => ({
        externalKey: `demo:account:${login.login}`,
        personId: required(personIds, login.personKey),
        subject: demoSubject(login.login),
        grants: login.roles.map((role): RoleGrant => ({ role, schoolId })),
      })),
    });
  }
  log(`${plan.people.length} people, ${plan.logins.length} accounts`);

  const classIds = new Map<string, string>();
  const groupIds = new Map<string, string>();
  const groupIdOf = (groupKey: string | null) => (groupKey ? required(groupIds, groupKey) : null);
  const pageIds = new Map<string, string>();
  for (const year of plan.years) {
    const { ids: classKeyIds } = await call(IdentityRpc.upsertClasses, {
      schoolId,
      classes: year.classes.map((schoolClass) => ({
        externalKey: schoolClass.key,
        academicYear: schoolClass.yearLabel,
        grade: schoolClass.grade,
        letter: schoolClass.letter,
        classTeacherId: schoolClass.classTeacherKey ? required(personIds, schoolClass.classTeacherKey) : null,
      })),
    });
    for (const [key, id] of Object.entries(classKeyIds)) classIds.set(key, id);
    for (const batch of chunks(year.groups, 2_000)) {
      const { ids } = await call(IdentityRpc.upsertGroups, {
        groups: batch.map((group) => ({
          externalKey: group.key,
          classId: required(classIds, group.classKey),
          subjectCode: group.subjectCode,
          name: group.name,
        })),
      });
      for (const [key, id] of Object.entries(ids)) groupIds.set(key, id);
    }
    for (const batch of chunks(year.enrollments, 2_000)) {
      await call(IdentityRpc.upsertEnrollments, {
        enrollments: batch.map((e) => ({
          studentId: required(personIds, e.studentKey),
          classId: required(classIds, e.classKey),
          from: e.from,
          to: e.to,
        })),
      });
    }
    for (const batch of chunks(year.memberships, 2_000)) {
      await call(IdentityRpc.upsertGroupMemberships, {
        memberships: batch.map((m) => ({
          studentId: required(personIds, m.studentKey),
          groupId: required(groupIds, m.groupKey),
          from: m.from,
          to: m.to,
        })),
      });
    }
    for (const batch of chunks(year.pages, 1_000)) {
      const { ids } = await call(IdentityRpc.upsertPages, {
        schoolId,
        pages: batch.map((page) => ({
          externalKey: page.key,
          classId: required(classIds, page.classKey),
          groupId: groupIdOf(page.groupKey),
          subjectCode: page.subjectCode,
          assignments: [
            {
              teacherId: required(personIds, page.teacherKey),
              from: year.request.start,
              to: year.request.derived ? null : year.request.end,
            },
          ],
        })),
      });
      for (const [key, id] of Object.entries(ids)) pageIds.set(key, id);
    }
  }
  const guardianships = plan.families.flatMap((family) =>
    family.parentKeys.flatMap((parentKey) =>
      family.childKeys.map((childKey) => ({ parentId: required(personIds, parentKey), studentId: required(personIds, childKey) })),
    ),
  );
  for (const batch of chunks(guardianships, 2_000)) await call(IdentityRpc.upsertGuardianships, { guardianships: batch });
  log(`classes, groups, enrollments, guardianships and ${pageIds.size} journal pages`);

  for (const year of plan.years) {
    const yearId = required(yearIds, year.request.label);
    const pagesByKey = new Map(year.pages.map((page) => [page.key, page]));
    for (const batch of chunks(year.classes, 8)) {
      await call(PlanningRpc.replaceTimetable, {
        yearId,
        classes: batch.map((schoolClass) => ({
          classId: required(classIds, schoolClass.key),
          grade: schoolClass.grade,
          slots: (year.timetable.get(schoolClass.key) ?? []).map((slot) => ({
            pageId: required(pageIds, slot.pageKey),
            groupId: groupIdOf(required(pagesByKey, slot.pageKey).groupKey),
            subjectCode: slot.subjectCode,
            weekday: slot.weekday,
            lessonNumber: slot.lessonNumber,
          })),
        })),
      });
    }
    const generated = await call(PlanningRpc.generateLessons, { yearId });
    log(`${year.request.label}: timetable and ${generated.total} lessons on the calendar`);
  }

  const result: DemoLoadResult = {
    schoolId,
    personIds,
    classIds,
    pageIds,
    yearIds,
    lessonsImported: 0,
    marksImported: 0,
    attendanceImported: 0,
    logins: plan.logins,
  };
  if (options.loadHistory) {
    for (const year of plan.years) await loadYearHistory(options, year, result, call);
  }
  if (options.devIdp) await registerSignIns(options.devIdp, plan, options.password);
  return result;
}

async function loadYearHistory(
  options: DemoLoaderOptions,
  year: DemoYear,
  result: DemoLoadResult,
  call: RpcClient['call'],
): Promise<void> {
  const { plan } = options;
  const lastDay = [addDays(options.today, -1), year.request.end].sort()[0]!;
  if (lastDay < year.request.start) return;
  const seed = 'ejournal-demo-history';
  const studentsByKey = new Map(plan.students.map((s) => [s.key, s]));
  const enrollmentsByClass = groupBy(year.enrollments, (e) => e.classKey);
  const membershipsByGroup = groupBy(year.memberships, (m) => m.groupKey);
  const isIll = illnessCalendar(seed, year.request.start, [...new Set(year.enrollments.map((e) => e.studentKey))]);
  const subjects = new Map(plan.subjects.map((s) => [s.code, s]));
  const pagesById = new Map(year.pages.map((page) => [required(result.pageIds, page.key), page]));

  const rosterOn = (classKey: string, groupKey: string | null, date: string): HistoryStudent[] => {
    const inClass = (enrollmentsByClass.get(classKey) ?? []).filter((e: PlanEnrollment) => covers(e, date)).map((e) => e.studentKey);
    const inGroup = groupKey
      ? new Set((membershipsByGroup.get(groupKey) ?? []).filter((m: PlanMembership) => covers(m, date)).map((m) => m.studentKey))
      : null;
    return inClass
      .filter((key) => !inGroup || inGroup.has(key))
      .map((key) => ({ key, id: required(result.personIds, key), ability: studentsByKey.get(key)?.ability ?? 4 }));
  };

  for (const pageBatch of chunks([...pagesById.keys()], 6)) {
    const { lessons } = await call(PlanningRpc.lessonsOfPages, { pageIds: pageBatch, from: year.request.start, to: lastDay });
    const byPage = groupBy(lessons, (lesson: Lesson) => lesson.pageId);
    const imported: ImportedLesson[] = [];
    const entries: ImportedEntry[] = [];
    for (const [pageId, pageLessons] of byPage) {
      const page = required(pagesById, pageId);
      const teacherId = required(result.personIds, page.teacherKey);
      pageLessons.forEach((lesson, indexInPage) => {
        const history = lessonHistory(
          seed,
          { ...lesson, lessonId: lesson.id, indexInPage },
          {
            timeZone: plan.school.timeZone,
            teacherId,
            subjectMarked: subjects.get(page.subjectCode)?.marked ?? true,
            students: rosterOn(page.classKey, page.groupKey, lesson.date),
            isIll,
          },
        );
        imported.push(history.lesson);
        entries.push(...history.entries);
      });
    }
    for (const batch of chunks(imported, 200)) {
      const outcome = await call(JournalRpc.importLessons, { schoolId: result.schoolId, timeZone: plan.school.timeZone, lessons: batch });
      if (outcome.imported > 0) {
        result.lessonsImported += outcome.imported;
        result.marksImported += batch.reduce((sum, lesson) => sum + lesson.marks.length, 0);
      }
    }
    for (const batch of chunks(entries, 1_000)) {
      const outcome = await call(AttendanceRpc.importEntries, { schoolId: result.schoolId, entries: batch });
      result.attendanceImported += outcome.imported;
    }
  }
  options.log?.(`${year.request.label}: history up to ${lastDay} loaded`);
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

async function registerSignIns(devIdp: DevIdpAdmin, plan: DemoSchoolPlan, password: string): Promise<void> {
  const names = new Map(plan.people.map((person) => [person.key, person.name]));
  const logins = plan.logins.filter((login) => login.canSignIn);
  for (const batch of chunks(logins, 8)) {
    await Promise.all(
      batch.map(async (login) => {
        const name = names.get(login.personKey);
        const response = await fetch(`${devIdp.url}/dev/users/${encodeURIComponent(login.login)}`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${devIdp.adminToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            subject: demoSubject(login.login),
            password,
            name: name ? `${name.firstName} ${name.lastName}` : login.login,
          }),
        });
        if (!response.ok) throw new Error(`dev-idp refused user ${login.login}: ${response.status}`);
      }),
    );
  }
}
