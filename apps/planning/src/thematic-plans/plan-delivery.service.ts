import { Injectable } from '@nestjs/common';
import pMap from 'p-map';
import {
  type AcademicYear,
  DomainError,
  ErrorCode,
  type ExportedFile,
  type ExportFormat,
  IdentityRpc,
  type Page,
  type PageDelivery,
  type SchoolDelivery,
} from '#contracts';
import { RpcClient } from '#platform';
import type { ExportCell } from '#spreadsheet';
import { ClassCalendar, type ClassLesson } from '../assessments/class-calendar.js';
import { SchoolToday } from '../school-time/school-today.js';
import { SubjectsService } from '../subjects/subjects.service.js';
import { YearsService } from '../years/years.service.js';
import { exportedFile } from './exported-file.js';
import { PlanAccess } from './plan-access.js';
import { PlanProgressService } from './plan-progress.service.js';
import { teachersOf } from './plan-status.service.js';

const RUSSIAN = new Intl.Collator('ru');

/** Pages measured at once: each asks the journal for its lessons. */
const CONCURRENCY = 6;

interface DeliveryQuery {
  schoolId: string;
  periodId?: string | undefined;
  yearId?: string | undefined;
}

/**
 * Planned against delivered hours of every page of a school over a period or the year (R-PLAN-3, выполнение
 * программы), by the rule of a page's own progress (PlanProgressService.measure): planned — the hours of the КТП topics
 * falling in the span; conducted — the journal's lessons with a topic, not cancelled; linked — of them, those linked to
 * a plan topic. The school's management reads it (`schools.plans.read`).
 */
@Injectable()
export class PlanDeliveryService {
  constructor(
    private readonly access: PlanAccess,
    private readonly progress: PlanProgressService,
    private readonly calendar: ClassCalendar,
    private readonly years: YearsService,
    private readonly today: SchoolToday,
    private readonly subjects: SubjectsService,
    private readonly rpc: RpcClient,
  ) {}

  async ofSchool(query: DeliveryQuery): Promise<SchoolDelivery> {
    const { schoolId } = query;
    await this.access.assertMay('schools.plans.read', { type: 'school', id: schoolId });
    const { year, span, grades } = await this.spanOf(query);
    const [{ pages, teachers }, { subjects }, today] = await Promise.all([
      this.rpc.call(IdentityRpc.pagesOfSchool, { schoolId, academicYear: year.label }),
      this.subjects.list(schoolId),
      this.today.of(schoolId),
    ]);
    const names = new Map(subjects.map((subject) => [subject.code, subject.nameRu]));
    const people = new Map(teachers.map((person) => [person.id, person]));
    const calendars = new Map<string, Promise<ClassLesson[]>>();
    const calendarOf = (classId: string) => {
      if (!calendars.has(classId)) calendars.set(classId, this.calendar.lessons(year, classId, 'calendar'));
      return calendars.get(classId)!;
    };
    const subjectName = (page: Page) => names.get(page.subjectCode) ?? page.subjectCode;
    const measured = pages
      .filter((page) => page.grade >= grades.from && page.grade <= grades.to)
      .sort(
        (a, b) =>
          a.grade - b.grade ||
          RUSSIAN.compare(a.className, b.className) ||
          RUSSIAN.compare(subjectName(a), subjectName(b)) ||
          RUSSIAN.compare(a.groupName ?? '', b.groupName ?? '') ||
          a.id.localeCompare(b.id),
      );
    const rows = await pMap(measured, async (page: Page): Promise<PageDelivery> => {
      const { progress, hasPlan } = await this.progress.measure(page, span, calendarOf(page.classId));
      return {
        pageId: page.id,
        classId: page.classId,
        className: page.className,
        grade: page.grade,
        subjectCode: page.subjectCode,
        subjectName: subjectName(page),
        groupName: page.groupName,
        teachers: teachersOf(page, today, people),
        hasPlan,
        plannedHours: progress.plannedHours,
        conductedLessons: progress.conductedLessons,
        linkedLessons: progress.deliveredHours,
        difference: progress.conductedLessons - progress.plannedHours,
      };
    }, { concurrency: CONCURRENCY });
    const sum = (pick: (row: PageDelivery) => number) => rows.reduce((total, row) => total + pick(row), 0);
    return {
      schoolId,
      academicYear: year.label,
      span,
      totals: {
        plannedHours: sum((row) => row.plannedHours),
        conductedLessons: sum((row) => row.conductedLessons),
        linkedLessons: sum((row) => row.linkedLessons),
        difference: sum((row) => row.difference),
      },
      pages: rows,
    };
  }

  async file(query: DeliveryQuery & { format?: ExportFormat | undefined }): Promise<ExportedFile> {
    const report = await this.ofSchool(query);
    const name = (person: PageDelivery['teachers'][number]) => [person.name.lastName, person.name.firstName, person.name.middleName].filter(Boolean).join(' ');
    const rows: ExportCell[][] = report.pages.map((page) => [
      page.className,
      page.subjectName,
      page.groupName,
      page.teachers.map(name).join(', '),
      page.hasPlan ? 'да' : 'нет',
      page.plannedHours,
      page.conductedLessons,
      page.linkedLessons,
      page.difference,
    ]);
    rows.push(['Итого по школе', null, null, null, null, report.totals.plannedHours, report.totals.conductedLessons, report.totals.linkedLessons, report.totals.difference]);
    return exportedFile(
      {
        sheetName: 'Выполнение программы',
        headers: ['Класс', 'Предмет', 'Группа', 'Учитель', 'КТП', 'Запланировано часов', 'Проведено уроков', 'Из них по темам КТП', 'Разница'],
        rows,
      },
      query.format ?? 'xlsx',
      `Выполнение программы ${report.span.nameRu}`,
    );
  }

  /** The period asked for (of the school), or the year asked for, or the year going on today. */
  private async spanOf(query: DeliveryQuery): Promise<{ year: AcademicYear; span: SchoolDelivery['span']; grades: { from: number; to: number } }> {
    if (query.periodId !== undefined) {
      const period = await this.years.getPeriod(query.periodId).catch(notFoundAsNull);
      const year = period ? await this.years.get(period.yearId) : null;
      if (!period || !year || year.schoolId !== query.schoolId) {
        throw new DomainError(ErrorCode.NotFound, 'Учебный период не найден', { periodId: query.periodId });
      }
      const span = { kind: 'period' as const, id: period.id, nameRu: `${period.nameRu} ${year.label}`, start: period.start, end: period.end };
      return { year, span, grades: { from: period.gradeFrom, to: period.gradeTo } };
    }
    const year = query.yearId !== undefined ? await this.years.get(query.yearId).catch(notFoundAsNull) : await this.years.at(query.schoolId, await this.today.of(query.schoolId));
    if (!year || year.schoolId !== query.schoolId) throw new DomainError(ErrorCode.NotFound, 'Учебный год не найден', { yearId: query.yearId });
    const span = { kind: 'year' as const, id: year.id, nameRu: `${year.label} учебный год`, start: year.start, end: year.end };
    return { year, span, grades: { from: 1, to: 11 } };
  }
}

/** NOT_FOUND as null (the caller answers its own NOT_FOUND); any other failure stays one. */
function notFoundAsNull(error: unknown): null {
  if (error instanceof DomainError && error.code === ErrorCode.NotFound) return null;
  throw error;
}
