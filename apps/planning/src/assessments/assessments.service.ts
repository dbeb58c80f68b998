import { Injectable } from '@nestjs/common';
import {
  type AcademicYear,
  type AssessmentCheck,
  type AssessmentSchedule,
  type AssessmentWarning,
  type ExportedFile,
  type ExportFormat,
  IdentityRpc,
  type SchoolClass,
} from '#contracts';
import { dateCell } from '#spreadsheet';
import { RpcClient } from '#platform';
import { exportedFile } from '../thematic-plans/exported-file.js';
import { PlanAccess } from '../thematic-plans/plan-access.js';
import { assessmentWarnings, kindName, placedAssessments } from './assessment-rules.js';
import { ClassAssessmentSource, type PlanDraft } from './class-assessment-source.js';
import { GradePeriods } from './grade-periods.js';
import { YearOfLabel } from './year-of-label.js';

const SCHEDULE_HEADERS = ['Дата', 'Урок', 'Предмет', 'Вид работы', 'Тема'];

/**
 * The federal rules for assessment work (letter СК-228/03 of 2021) over a class's plans and lessons, as warnings, and
 * the schedule of assessments a school publishes for each class and period.
 */
@Injectable()
export class AssessmentsService {
  constructor(
    private readonly source: ClassAssessmentSource,
    private readonly access: PlanAccess,
    private readonly rpc: RpcClient,
    private readonly yearOfLabel: YearOfLabel,
    private readonly periods: GradePeriods,
  ) {}

  /** The warnings a plan would get if saved as the draft: those about its own page. */
  async forDraft(year: AcademicYear, schoolClass: { classId: string; className: string; grade: number }, draft: PlanDraft): Promise<AssessmentWarning[]> {
    const data = await this.source.load(year, schoolClass, { draft });
    return assessmentWarnings(data).filter((warning) => warning.pageIds.includes(draft.page.pageId));
  }

  /**
   * The warnings of classes whose weekly timetable was just saved, their plans laid on the new timetable's school days.
   * A class without plans in the year has nothing to warn about.
   */
  async forTimetable(year: AcademicYear, classes: ReadonlyArray<{ classId: string; grade: number }>): Promise<AssessmentWarning[]> {
    const warnings: AssessmentWarning[] = [];
    for (const { classId, grade } of classes) {
      const className = await this.source.planClassName(year, classId);
      if (className === null) continue;
      warnings.push(...assessmentWarnings(await this.source.load(year, { classId, className, grade }, { source: 'timetable' })));
    }
    return warnings;
  }

  async check(classId: string): Promise<AssessmentCheck> {
    const { schoolClass, year } = await this.classYear(classId);
    const data = await this.source.load(year, this.refOf(schoolClass));
    return { classId, academicYear: year.label, warnings: assessmentWarnings(data) };
  }

  async schedule(classId: string, periodId: string | undefined): Promise<AssessmentSchedule> {
    const { schoolClass, year } = await this.classYear(classId);
    const period = await this.periods.periodOf(year, schoolClass.grade, periodId);
    const data = await this.source.load(year, this.refOf(schoolClass));
    const assessments = placedAssessments(data)
      .filter(({ date }) => period.start <= date && date <= period.end)
      .map(({ page, placed, date }) => ({
        date,
        lessonNumber: placed.lessonNumber,
        pageId: page.pageId,
        topicId: placed.topic.id,
        subjectCode: page.subjectCode,
        subjectName: page.subjectName,
        groupName: page.groupName,
        kind: placed.topic.kind,
        kindName: kindName(placed.topic.kind),
        title: placed.topic.title,
      }));
    return {
      classId,
      className: schoolClass.name,
      academicYear: year.label,
      period: { id: period.id, nameRu: period.nameRu, start: period.start, end: period.end },
      assessments,
    };
  }

  async exportSchedule(classId: string, periodId: string | undefined, format: ExportFormat): Promise<ExportedFile> {
    const schedule = await this.schedule(classId, periodId);
    const rows = schedule.assessments.map((assessment) => [
      dateCell(assessment.date),
      assessment.lessonNumber,
      assessment.groupName ? `${assessment.subjectName} (${assessment.groupName})` : assessment.subjectName,
      assessment.kindName,
      assessment.title,
    ]);
    const title = `График оценочных процедур ${schedule.className}, ${schedule.period.nameRu} ${schedule.academicYear.replace('/', '-')}`;
    return exportedFile({ headers: SCHEDULE_HEADERS, rows, sheetName: `${schedule.className} ${schedule.period.nameRu}` }, format, title);
  }

  private refOf(schoolClass: SchoolClass) {
    return { classId: schoolClass.id, className: schoolClass.name, grade: schoolClass.grade };
  }

  /** The class once the caller may read its assessments, and its school year in planning. */
  private async classYear(classId: string): Promise<{ schoolClass: SchoolClass; year: AcademicYear }> {
    await this.access.assertMay('classes.assessments.read', { type: 'class', id: classId });
    const schoolClass = await this.rpc.call(IdentityRpc.getClass, { classId });
    return { schoolClass, year: await this.yearOfLabel.get(schoolClass.schoolId, schoolClass.academicYear) };
  }
}
