import type { FinalResultsRpc, Period, RpcRequest } from '#contracts';
import { type CountedMark, marksKeptInGrade, periodAverage, type ResultValue, yearAverage } from '#domain';
import type { PlanEnrollment, PlanMembership, PlanPage } from '../school/plan-types.js';

export type ImportedResult = RpcRequest<typeof FinalResultsRpc.importResults>['results'][number];

/** A numeric mark a student got in a subject on a date, with the weight of its kind. */
export interface StudentMark extends CountedMark {
  studentId: string;
  subjectCode: string;
  date: string;
}

export interface ResultsYear {
  yearId: string;
  end: string;
  periods: readonly Period[];
  pages: readonly PlanPage[];
  enrollments: readonly PlanEnrollment[];
  memberships: readonly PlanMembership[];
}

export interface ResultsContext {
  /** Periods (and the year) that ended before this date get results. */
  today: string;
  idOf: (key: string) => string;
  pageIdOf: (pageKey: string) => string;
  subjectMarked: (subjectCode: string) => boolean;
  marks: readonly StudentMark[];
}

const covers = (range: { from: string; to: string | null }, date: string) =>
  range.from <= date && (range.to === null || date <= range.to);

/**
 * The period and year results the demo's teachers set once a period ended (R-MARK-1, R-MARK-6): the proposal from
 * the student's marks of the period in every class they were in (н/а with no marks, зачёт for unmarked subjects), set
 * on the page of the class (and group) the student is in on the last day (R-CAL-4); the year's from the periods'.
 */
export function periodResults(year: ResultsYear, context: ResultsContext): ImportedResult[] {
  const marksByStudentSubject = new Map<string, StudentMark[]>();
  for (const mark of context.marks) {
    const key = `${mark.studentId}|${mark.subjectCode}`;
    const list = marksByStudentSubject.get(key) ?? [];
    list.push(mark);
    marksByStudentSubject.set(key, list);
  }
  const results: ImportedResult[] = [];
  const periodValues = new Map<string, Array<ResultValue>>();
  const ended = year.periods.filter((period) => period.end < context.today).sort((a, b) => a.start.localeCompare(b.start));
  for (const period of ended) {
    for (const owner of ownersOn(year, period.end, context, (grade) => grade >= period.gradeFrom && grade <= period.gradeTo)) {
      const marks = (marksByStudentSubject.get(`${owner.studentId}|${owner.page.subjectCode}`) ?? []).filter(
        (mark) => mark.date >= period.start && mark.date <= period.end,
      );
      const value = resultValue(context.subjectMarked(owner.page.subjectCode), periodAverage(marks)?.proposed ?? null);
      const key = `${owner.studentId}|${owner.page.subjectCode}`;
      periodValues.set(key, [...(periodValues.get(key) ?? []), value]);
      results.push(toResult('period', period.id, period.end, owner, value));
    }
  }
  if (year.end < context.today) {
    for (const owner of ownersOn(year, year.end, context, () => true)) {
      const key = `${owner.studentId}|${owner.page.subjectCode}`;
      const value = resultValue(context.subjectMarked(owner.page.subjectCode), yearAverage(periodValues.get(key) ?? [])?.proposed ?? null);
      results.push(toResult('year', year.yearId, year.end, owner, value));
    }
  }
  return results;
}

interface ResultOwner {
  studentId: string;
  page: PlanPage;
  pageId: string;
  teacherId: string;
}

/** Each student enrolled on the date, with each page of their class (and of their groups) whose grade takes results. */
function ownersOn(year: ResultsYear, date: string, context: ResultsContext, gradeIn: (grade: number) => boolean): ResultOwner[] {
  const pagesByClass = new Map<string, PlanPage[]>();
  for (const page of year.pages) pagesByClass.set(page.classKey, [...(pagesByClass.get(page.classKey) ?? []), page]);
  const groupsOf = new Map<string, Set<string>>();
  for (const membership of year.memberships.filter((m) => covers(m, date))) {
    groupsOf.set(membership.studentKey, (groupsOf.get(membership.studentKey) ?? new Set()).add(membership.groupKey));
  }
  const owners: ResultOwner[] = [];
  for (const enrollment of year.enrollments.filter((e) => covers(e, date))) {
    const groups = groupsOf.get(enrollment.studentKey) ?? new Set<string>();
    for (const page of pagesByClass.get(enrollment.classKey) ?? []) {
      if (!marksKeptInGrade(page.grade) || !gradeIn(page.grade)) continue;
      if (page.groupKey !== null && !groups.has(page.groupKey)) continue;
      owners.push({
        studentId: context.idOf(enrollment.studentKey),
        page,
        pageId: context.pageIdOf(page.key),
        teacherId: context.idOf(page.teacherKey),
      });
    }
  }
  return owners;
}

function resultValue(marked: boolean, proposed: number | null): ResultValue {
  if (!marked) return 'pass';
  return proposed ?? 'not-attested';
}

function toResult(term: 'period' | 'year', termId: string, date: string, owner: ResultOwner, value: ResultValue): ImportedResult {
  return {
    term,
    termId,
    studentId: owner.studentId,
    subjectCode: owner.page.subjectCode,
    pageId: owner.pageId,
    value,
    setBy: owner.teacherId,
    // Set on the period's last day, in the afternoon of the school's zone (UTC+5 and thereabouts).
    setAt: `${date}T10:00:00.000Z`,
  };
}
