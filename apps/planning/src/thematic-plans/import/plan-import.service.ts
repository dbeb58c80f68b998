import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type PlanImportPreview, type PlanSaved, type PlanTopicInput, type UploadedFile } from '#contracts';
import { readTable } from '#spreadsheet';
import { AssessmentsService } from '../../assessments/assessments.service.js';
import { planChanges } from '../plan-changes.js';
import { numberedTopics, totalHours } from '../plan-topics.js';
import { draftOf, ThematicPlansService, type WritablePlanPage } from '../thematic-plans.service.js';
import { isPlanHeader } from './plan-header.js';
import { type PlanFile, readPlanFile } from './read-plan-file.js';

function inputsOf(file: PlanFile): PlanTopicInput[] {
  return file.rows.map(({ title, hours, plannedDate, kind }) => ({ title, hours, plannedDate, kind }));
}

/**
 * Plans imported from the CSV and XLSX files teachers keep (README.md): a dry run that lists the row errors in Russian,
 * the topics read and what saving them would change, and the import itself, all or nothing, as a new revision.
 */
@Injectable()
export class PlanImportService {
  constructor(
    private readonly plans: ThematicPlansService,
    private readonly assessments: AssessmentsService,
  ) {}

  async preview(pageId: string, upload: UploadedFile): Promise<PlanImportPreview> {
    const target = await this.plans.writablePage(pageId);
    const { table, file } = await this.read(target, upload);
    const current = await this.plans.current(target.page);
    // The file's rows carry no ids: each takes the id of a current topic with its title, or a new one.
    const topics = file.errors.length === 0 ? numberedTopics(inputsOf(file), current.topics, new Set()) : [];
    const { page, year } = target;
    const warnings =
      topics.length === 0
        ? []
        : await this.assessments.forDraft(year, { classId: page.classId, className: page.className, grade: page.grade }, draftOf(page, topics));
    return {
      format: table.format,
      encoding: table.encoding ?? null,
      separator: table.separator ?? null,
      headerLine: file.headerLine,
      rowCount: file.rowCount,
      columns: file.columns,
      ignoredColumns: file.ignoredColumns,
      skippedRows: file.skippedRows,
      errors: file.errors,
      topics,
      totalHours: totalHours(topics),
      changes: topics.length === 0 ? { added: [], removed: [], changed: [] } : planChanges(current.topics, topics),
      warnings,
    };
  }

  /** Saves the file's topics as the plan's next revision; a file with any row error changes nothing. */
  async importFile(pageId: string, upload: UploadedFile, expectedVersion: number | undefined): Promise<PlanSaved> {
    const target = await this.plans.writablePage(pageId);
    const { file } = await this.read(target, upload);
    if (file.errors.length > 0) {
      throw new DomainError(ErrorCode.ValidationFailed, 'В файле есть ошибки: исправьте их и загрузите файл снова', {
        errors: file.errors,
      });
    }
    return this.plans.write(target, inputsOf(file), expectedVersion, 'import');
  }

  private async read({ year }: WritablePlanPage, upload: UploadedFile) {
    const bytes = Buffer.from(upload.content, 'base64');
    const table = await readTable(
      bytes,
      { fileName: upload.fileName, ...(upload.contentType ? { contentType: upload.contentType } : {}) },
      { isHeaderRow: isPlanHeader, limits: { maxRows: 2_000 } },
    );
    return { table, file: readPlanFile(table, { academicYear: year.label, start: year.start, end: year.end }) };
  }
}
