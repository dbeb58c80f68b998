import { AttendanceRpc, FinalResultsRpc, JournalRpc, type Lesson, PeriodsRpc, PlanningRpc } from '#contracts';
import { addDays } from '#domain';
import type { RpcClient } from '#platform';
import { type HistoryStudent, type ImportedEntry, type ImportedLesson, illnessCalendar, lessonHistory } from './history/lesson-history.js';
import type { DemoLoaderOptions, DemoLoadResult } from './load-demo-school.js';
import { periodResults, type StudentMark } from './history/period-results.js';
import { planSavedOn, planTopicCount, planTopicId } from './history/thematic-plans.js';
import { isCurrentYear } from './load-plans.js';
import { chunks, groupBy, required } from './loader-helpers.js';
import type { DemoYear } from './school/demo-school-plan.js';
import type { PlanEnrollment, PlanMembership, PlanPage } from './school/plan-types.js';

function covers(range: { from: string; to: string | null }, date: string): boolean {
  return range.from <= date && (range.to === null || date <= range.to);
}

/**
 * Topics, homework, marks and attendance of a year's past lessons (before the loader's today), imported through the
 * journal's and attendance's import commands page by page; both skip lessons they already hold.
 */
export async function loadYearHistory(
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
  const weights = new Map(plan.school.workKinds.map((kind) => [kind.code, kind.weight]));
  const marks: StudentMark[] = [];
  const currentYear = isCurrentYear(year, options.today);
  // A lesson links to the plan's topic of its place once the plan is there (R-PLAN-3).
  const linkedTopic = (pageId: string, page: PlanPage, date: string, indexInPage: number): string | null => {
    const savedOn = planSavedOn(page, year.request.start, currentYear);
    if (savedOn === null || savedOn > date || indexInPage >= planTopicCount(page)) return null;
    return planTopicId(pageId, indexInPage);
  };

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
            hoursPerWeek: page.hoursPerWeek,
            students: rosterOn(page.classKey, page.groupKey, lesson.date),
            isIll,
          },
        );
        imported.push({ ...history.lesson, planTopicId: linkedTopic(pageId, page, lesson.date, indexInPage) });
        for (const mark of history.lesson.marks) {
          marks.push({ studentId: mark.studentId, subjectCode: page.subjectCode, date: lesson.date, value: mark.value, weight: weights.get(mark.workKind) ?? null });
        }
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
  const imported = await loadResults(options, year, result, marks, call);
  options.log?.(`${year.request.label}: history up to ${lastDay} loaded, ${imported} period and year results added`);
}

/** The results of the year's periods (and of the year) that ended before today, as their teachers set them. */
async function loadResults(
  options: DemoLoaderOptions,
  year: DemoYear,
  result: DemoLoadResult,
  marks: readonly StudentMark[],
  call: RpcClient['call'],
): Promise<number> {
  const yearId = required(result.yearIds, year.request.label);
  const { years } = await call(PeriodsRpc.years, { schoolId: result.schoolId });
  const schoolYear = years.find((candidate) => candidate.id === yearId);
  if (!schoolYear) return 0;
  const marked = new Map(options.plan.subjects.map((subject) => [subject.code, subject.marked]));
  const results = periodResults(
    { yearId, end: schoolYear.end, periods: schoolYear.periods, pages: year.pages, enrollments: year.enrollments, memberships: year.memberships },
    {
      today: options.today,
      idOf: (key) => required(result.personIds, key),
      pageIdOf: (key) => required(result.pageIds, key),
      subjectMarked: (code) => marked.get(code) ?? true,
      marks,
    },
  );
  let imported = 0;
  for (const batch of chunks(results, 2_000)) {
    imported += (await call(FinalResultsRpc.importResults, { schoolId: result.schoolId, results: batch })).imported;
  }
  return imported;
}
