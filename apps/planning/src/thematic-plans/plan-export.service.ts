import { Injectable } from '@nestjs/common';
import type { ExportedFile, ExportFormat } from '#contracts';
import { SubjectsService } from '../subjects/subjects.service.js';
import { exportedFile } from './exported-file.js';
import { planExportTable, planFileName } from './plan-export.js';
import { PlanAccess } from './plan-access.js';
import { ThematicPlansService } from './thematic-plans.service.js';

/** A page's plan as an XLSX or CSV file in the import's format, for whoever reads the page. */
@Injectable()
export class PlanExportService {
  constructor(
    private readonly access: PlanAccess,
    private readonly plans: ThematicPlansService,
    private readonly subjects: SubjectsService,
  ) {}

  async export(pageId: string, format: ExportFormat): Promise<ExportedFile> {
    const { page } = await this.access.page(pageId, 'plans.read');
    const [plan, { subjects }] = await Promise.all([this.plans.current(page), this.subjects.list(page.schoolId)]);
    const subjectName = subjects.find((subject) => subject.code === page.subjectCode)?.nameRu ?? page.subjectCode;
    return exportedFile(planExportTable(plan, subjectName), format, planFileName(plan, subjectName));
  }
}
