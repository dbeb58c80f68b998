import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  type CompletenessCounts,
  type CompletenessPage,
  type CompletenessReport,
  type PersonName,
  type ResultDeviation,
  type RpcRequest,
  type SchoolReportsRpc,
  ThematicPlanRpc,
} from '#contracts';
import { RpcClient } from '#platform';
import { type PersonColumns, toPersonName } from '../common/person-row.js';
import { compareNames, compareRussian } from '../common/russian-order.js';
import { ResultDeviationsService } from '../result-deviations/result-deviations.service.js';
import {
  ATTENDANCE_NOT_TAKEN_SQL,
  FEW_MARKS_SQL,
  LATE_MARKS_SQL,
  PAGE_TEACHERS_SQL,
  PAGES_SQL,
  WITHOUT_TOPIC_SQL,
} from './completeness-sql.js';
import { ReportRangeResolver } from './report-range.js';

interface PageRow {
  page_id: string;
  class_id: string;
  class_name: string;
  grade: number;
  subject_code: string;
  subject_name: string;
  group_name: string | null;
}

interface TeacherRow extends Partial<PersonColumns> {
  page_id: string;
  teacher_id: string;
  date_from: string;
  date_to: string | null;
}

interface LessonRow {
  lesson_id: string;
  page_id: string;
  lesson_date: string;
  lesson_number: number;
}

interface LateMarkRow extends LessonRow, PersonColumns {
  mark_id: string;
  student_id: string;
  value: number;
  entered_at: Date;
  entered_by: string | null;
}

interface FewMarksRow extends PersonColumns {
  page_id: string;
  lessons: number;
  weeks: number;
  student_id: string;
  marks: number;
}

/** Plan statuses the coordinator follows up (R-PLAN-1): no plan after 10 September, or one handed in late. */
const PLAN_FLAGGED = new Set(['missing-overdue', 'submitted-late']);

type Query = RpcRequest<typeof SchoolReportsRpc.completeness>;

/**
 * The coordinator's completeness and timeliness report (R-REP-3) from the read model, with the plans' status from
 * planning (R-PLAN-1) and the results that differ from the proposals (R-MARK-6). Every finding belongs to a page and
 * to the teacher of the page on the lesson's date (a late mark: whoever entered it, e.g. a substitute); a finding
 * about the whole page to its teacher on the span's last day so far.
 */
@Injectable()
export class CompletenessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ranges: ReportRangeResolver,
    private readonly deviations: ResultDeviationsService,
    private readonly rpc: RpcClient,
  ) {}

  async report(query: Query): Promise<CompletenessReport> {
    return (await this.reportAndZone(query)).report;
  }

  /** The report and the school's time zone, in which its files show instants (R-CAL-2). */
  async reportAndZone(query: Query): Promise<{ report: CompletenessReport; timeZone: string }> {
    const { schoolId, minMarks = 3, minWeeklyLessons = 2 } = query;
    const span = await this.ranges.resolve(schoolId, query.range);
    const scope = [schoolId, span.from, span.to, span.gradeFrom, span.gradeTo, span.academicYear];
    const [pages, teachers, withoutTopic, notTaken, lateMarks, fewMarks, plans, deviations] = await Promise.all([
      this.dataSource.query<PageRow[]>(PAGES_SQL, [schoolId, span.gradeFrom, span.gradeTo, span.academicYear]),
      this.dataSource.query<TeacherRow[]>(PAGE_TEACHERS_SQL, [schoolId]),
      this.dataSource.query<LessonRow[]>(WITHOUT_TOPIC_SQL, [...scope, span.today]),
      this.dataSource.query<LessonRow[]>(ATTENDANCE_NOT_TAKEN_SQL, [...scope, span.today]),
      this.dataSource.query<LateMarkRow[]>(LATE_MARKS_SQL, scope),
      this.dataSource.query<FewMarksRow[]>(FEW_MARKS_SQL, [...scope, span.heldUntil, minWeeklyLessons, minMarks]),
      span.academicYear ? this.rpc.call(ThematicPlanRpc.schoolStatus, { schoolId, academicYear: span.academicYear }) : null,
      span.periodId ? this.deviations.ofSchool({ schoolId, term: 'period', termId: span.periodId }) : null,
    ]);

    const pageInfo = new Map(pages.map((page) => [page.page_id, page]));
    const names = new Map<string, PersonName>();
    for (const row of teachers) if (row.last_name) names.set(row.teacher_id, toPersonName(row as PersonColumns));
    const teachersOn = pageTeachers(teachers);
    const found = new Findings(pageInfo);
    const reference = span.heldUntil;

    for (const row of withoutTopic) {
      found.at(teachersOn(row.page_id, row.lesson_date), row.page_id, (page) => page.lessonsWithoutTopic.push(lessonOf(row)));
    }
    for (const row of notTaken) {
      found.at(teachersOn(row.page_id, row.lesson_date), row.page_id, (page) => page.attendanceNotTaken.push(lessonOf(row)));
    }
    for (const row of lateMarks) {
      const who = row.entered_by ? [row.entered_by] : teachersOn(row.page_id, row.lesson_date);
      found.at(who, row.page_id, (page) =>
        page.lateMarks.push({
          ...lessonOf(row),
          markId: row.mark_id,
          studentId: row.student_id,
          studentName: toPersonName(row),
          value: row.value,
          enteredAt: new Date(row.entered_at).toISOString(),
        }),
      );
    }
    for (const row of fewMarks) {
      found.at(teachersOn(row.page_id, reference), row.page_id, (page) => {
        page.fewMarks ??= { lessons: row.lessons, weeks: row.weeks, students: [] };
        page.fewMarks.students.push({ studentId: row.student_id, name: toPersonName(row), marks: row.marks });
      });
    }
    for (const plan of plans?.pages ?? []) {
      if (!PLAN_FLAGGED.has(plan.status)) continue;
      found.at(teachersOn(plan.pageId, reference), plan.pageId, (page) => {
        page.plan = { status: plan.status, submittedAt: plan.submittedAt };
      });
    }
    for (const deviation of deviations?.deviations ?? []) {
      found.at(teachersOn(deviation.pageId, reference), deviation.pageId, (page) => page.resultDeviations.push(deviation));
    }

    await this.nameEveryone(found.teacherIds(), names);
    const grouped = found.grouped(names);
    // The school's totals count every finding once, also one of a page two teachers share.
    const known = (row: { page_id: string } | { pageId: string }) => pageInfo.has('page_id' in row ? row.page_id : row.pageId);
    const totals: CompletenessCounts = {
      lessonsWithoutTopic: withoutTopic.filter(known).length,
      attendanceNotTaken: notTaken.filter(known).length,
      lateMarks: lateMarks.filter(known).length,
      studentsWithFewMarks: fewMarks.filter(known).length,
      planMissing: (plans?.pages ?? []).filter((plan) => PLAN_FLAGGED.has(plan.status) && known(plan)).length,
      resultDeviations: (deviations?.deviations ?? []).filter(known).length,
    };
    const report: CompletenessReport = {
      schoolId,
      schoolName: span.schoolName,
      range: { periodId: span.periodId, nameRu: span.nameRu, from: span.from, to: span.to, heldUntil: span.heldUntil },
      settings: { minMarks, minWeeklyLessons },
      totals,
      teachers: grouped,
    };
    return { report, timeZone: span.timeZone };
  }

  /** Names of people who entered late marks without teaching the page (substitutes). */
  private async nameEveryone(ids: readonly string[], names: Map<string, PersonName>): Promise<void> {
    const missing = ids.filter((id) => !names.has(id));
    if (missing.length === 0) return;
    const rows = await this.dataSource.query<Array<PersonColumns & { id: string }>>(
      'SELECT id, last_name, first_name, middle_name FROM person WHERE id = ANY($1::uuid[])',
      [missing],
    );
    for (const row of rows) names.set(row.id, toPersonName(row));
  }
}

function lessonOf(row: LessonRow) {
  return { lessonId: row.lesson_id, date: row.lesson_date, lessonNumber: row.lesson_number };
}

/**
 * The teachers of a page on a date (R-ACC-3): those assigned that day; when none is, the last one assigned before it;
 * none at all is an empty list (the finding goes to "no teacher").
 */
function pageTeachers(rows: readonly TeacherRow[]): (pageId: string, date: string) => string[] {
  const byPage = new Map<string, TeacherRow[]>();
  for (const row of rows) byPage.set(row.page_id, [...(byPage.get(row.page_id) ?? []), row]);
  return (pageId, date) => {
    const assignments = byPage.get(pageId) ?? [];
    const running = assignments.filter((row) => row.date_from <= date && (row.date_to === null || row.date_to >= date));
    if (running.length > 0) return [...new Set(running.map((row) => row.teacher_id))];
    const before = assignments.filter((row) => row.date_from <= date).sort((a, b) => b.date_from.localeCompare(a.date_from));
    return before[0] ? [before[0].teacher_id] : [];
  };
}

const NO_TEACHER = '';

/** Findings collected per teacher and page. */
class Findings {
  private readonly byTeacher = new Map<string, Map<string, CompletenessPage>>();

  constructor(private readonly pages: ReadonlyMap<string, PageRow>) {}

  at(teacherIds: readonly string[], pageId: string, add: (page: CompletenessPage) => void): void {
    const info = this.pages.get(pageId);
    if (!info) return;
    for (const teacherId of teacherIds.length > 0 ? teacherIds : [NO_TEACHER]) {
      const pages = this.byTeacher.get(teacherId) ?? new Map<string, CompletenessPage>();
      this.byTeacher.set(teacherId, pages);
      let page = pages.get(pageId);
      if (!page) {
        page = emptyPage(info);
        pages.set(pageId, page);
      }
      add(page);
    }
  }

  teacherIds(): string[] {
    return [...this.byTeacher.keys()].filter((id) => id !== NO_TEACHER);
  }

  grouped(names: ReadonlyMap<string, PersonName>): CompletenessReport['teachers'] {
    const teachers = [...this.byTeacher.entries()].map(([teacherId, pages]) => {
      const list = [...pages.values()]
        .map((page) => ({ ...page, counts: countsOf(page), fewMarks: sortedFewMarks(page.fewMarks) }))
        .sort((a, b) => this.compareCompletenessPages(a, b));
      return {
        teacherId: teacherId === NO_TEACHER ? null : teacherId,
        name: teacherId === NO_TEACHER ? null : (names.get(teacherId) ?? null),
        counts: sumCounts(list.map((page) => page.counts)),
        pages: list,
      };
    });
    return teachers.sort((a, b) => {
      if (a.name === null || b.name === null) return a.name === b.name ? 0 : a.name === null ? 1 : -1;
      return compareNames(a.name, b.name) || (a.teacherId ?? '').localeCompare(b.teacherId ?? '');
    });
  }

  private compareCompletenessPages(a: CompletenessPage, b: CompletenessPage): number {
    const gradeA = this.pages.get(a.pageId)?.grade ?? 0;
    const gradeB = this.pages.get(b.pageId)?.grade ?? 0;
    return (
      gradeA - gradeB ||
      compareRussian(a.className, b.className) ||
      compareRussian(a.subjectName, b.subjectName) ||
      compareRussian(a.groupName ?? '', b.groupName ?? '') ||
      a.pageId.localeCompare(b.pageId)
    );
  }
}

function emptyPage(info: PageRow): CompletenessPage {
  return {
    pageId: info.page_id,
    classId: info.class_id,
    className: info.class_name,
    subjectCode: info.subject_code,
    subjectName: info.subject_name,
    groupName: info.group_name,
    counts: sumCounts([]),
    lessonsWithoutTopic: [],
    attendanceNotTaken: [],
    lateMarks: [],
    fewMarks: null,
    plan: null,
    resultDeviations: [] as ResultDeviation[],
  };
}

function sortedFewMarks(fewMarks: CompletenessPage['fewMarks']): CompletenessPage['fewMarks'] {
  if (!fewMarks) return null;
  const students = [...fewMarks.students].sort((a, b) => compareNames(a.name, b.name) || a.studentId.localeCompare(b.studentId));
  return { ...fewMarks, students };
}

function countsOf(page: CompletenessPage): CompletenessCounts {
  return {
    lessonsWithoutTopic: page.lessonsWithoutTopic.length,
    attendanceNotTaken: page.attendanceNotTaken.length,
    lateMarks: page.lateMarks.length,
    studentsWithFewMarks: page.fewMarks?.students.length ?? 0,
    planMissing: page.plan ? 1 : 0,
    resultDeviations: page.resultDeviations.length,
  };
}

/** Counts added up. */
export function sumCounts(counts: readonly CompletenessCounts[]): CompletenessCounts {
  const zero: CompletenessCounts = {
    lessonsWithoutTopic: 0,
    attendanceNotTaken: 0,
    lateMarks: 0,
    studentsWithFewMarks: 0,
    planMissing: 0,
    resultDeviations: 0,
  };
  return counts.reduce<CompletenessCounts>(
    (sum, next) => ({
      lessonsWithoutTopic: sum.lessonsWithoutTopic + next.lessonsWithoutTopic,
      attendanceNotTaken: sum.attendanceNotTaken + next.attendanceNotTaken,
      lateMarks: sum.lateMarks + next.lateMarks,
      studentsWithFewMarks: sum.studentsWithFewMarks + next.studentsWithFewMarks,
      planMissing: sum.planMissing + next.planMissing,
      resultDeviations: sum.resultDeviations + next.resultDeviations,
    }),
    zero,
  );
}
