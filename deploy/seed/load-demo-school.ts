import { CurriculumRpc, IdentityRpc, PeriodsRpc, PlanningRpc, type RoleGrant, SYSTEM_SEED_ACTOR } from '#contracts';
import type { RpcClient } from '#platform';
import { enterLastDayLive } from './history/last-day-live.js';
import { loadYearHistory } from './load-history.js';
import { chunks, required } from './loader-helpers.js';
import { loadYearPlans } from './load-plans.js';
import { type DevIdpAdmin, demoSubject, registerSignIns } from './register-sign-ins.js';
import type { DemoSchoolPlan } from './school/demo-school-plan.js';
import type { DemoLogin } from './school/plan-types.js';

export { demoSubject, type DevIdpAdmin } from './register-sign-ins.js';

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
    // The school's curriculum starts from the federal one in force for the year; a second load adds nothing.
    const grades = [...new Set(year.classes.map((schoolClass) => schoolClass.grade))];
    await call(CurriculumRpc.initialize, { schoolId, yearId: saved.id, grades });
  }
  log(`school, subjects, ${plan.years.length} school years and their curricula`);

  const personIds = new Map<string, string>();
  for (const batch of chunks(plan.people, 2_000)) {
    const { ids } = await call(IdentityRpc.upsertPeople, {
      people: batch.map((person) => ({ externalKey: person.key, ...person.name })),
    });
    for (const [key, id] of Object.entries(ids)) personIds.set(key, id);
  }
  const accountIds = new Map<string, string>();
  for (const batch of chunks(plan.logins, 2_000)) {
    const { ids } = await call(IdentityRpc.upsertAccounts, {
      accounts: batch.map((login) => ({
        externalKey: `demo:account:${login.login}`,
        personId: required(personIds, login.personKey),
        subject: demoSubject(login.login),
        grants: login.roles.map((role): RoleGrant => ({ role, schoolId })),
      })),
    });
    for (const login of batch) accountIds.set(login.login, required(new Map(Object.entries(ids)), `demo:account:${login.login}`));
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
    for (const year of plan.years) {
      const plans = await loadYearPlans(options, year, result, call);
      log(`${year.request.label}: ${plans} calendar-thematic plans added`);
      await loadYearHistory(options, year, result, call);
    }
    await closeFinishedYears(schoolId, options.today, call);
    if (result.marksImported > 0) {
      const entered = await enterLastDayLive(rpc, { plan, today: options.today, schoolId, personIds, pageIds, accountIds });
      log(`the parent's children: a mark entered and corrected live for ${entered} of them (grade 1 has no marks), for the parent's notifications`);
    }
  }
  if (options.devIdp) await registerSignIns(options.devIdp, plan, options.password);
  return result;
}

/**
 * A school year that has ended is closed, as the deputy closes it once its results are in: last year's journal takes
 * no more edits (a second load finds the periods closed and changes nothing).
 */
async function closeFinishedYears(schoolId: string, today: string, call: RpcClient['call']): Promise<void> {
  const { years } = await call(PeriodsRpc.years, { schoolId });
  for (const year of years.filter((candidate) => candidate.end < today)) {
    for (const period of year.periods.filter((candidate) => !candidate.closed)) {
      await call(PeriodsRpc.close, { schoolId, periodId: period.id, reason: 'Учебный год завершён' });
    }
  }
}
