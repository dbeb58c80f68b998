import { z } from 'zod';
import { AcademicYearLabel, ExportFormat, Id, PlanRevisionSummary, PlanTopic, ThematicPlanRpc } from '#contracts';

export const PageParams = z.object({ pageId: Id });
export const RevisionParams = z.object({
  pageId: Id,
  number: z.coerce.number().int().min(1).max(1_000_000).meta({ description: 'Номер редакции КТП' }),
});
export const LessonParams = z.object({ lessonId: Id });
export const SchoolParams = z.object({ schoolId: Id });
export const ClassParams = z.object({ classId: Id });

export const ExportQuery = z.object({ format: ExportFormat.default('xlsx').meta({ description: 'xlsx или csv' }) });
export const PeriodQuery = z.object({
  periodId: Id.optional().meta({ description: 'Учебный период; по умолчанию — период, который идёт сегодня' }),
});
export const PeriodExportQuery = PeriodQuery.extend(ExportQuery.shape);
export const UploadQuery = z.object({
  fileName: z.string().trim().min(1).max(255).optional().meta({ description: 'Имя загружаемого файла', example: 'КТП математика 5А.xlsx' }),
});
export const PlanStatusQuery = z.object({
  academicYear: AcademicYearLabel.optional().meta({ description: 'Учебный год, например 2025/2026; по умолчанию — текущий' }),
});

export const PlanInput = ThematicPlanRpc.save.request.omit({ pageId: true, expectedVersion: true }).meta({ id: 'PlanInput' });
export type PlanInput = z.infer<typeof PlanInput>;

export const RevisionList = z.object({ revisions: z.array(PlanRevisionSummary) }).meta({ id: 'PlanRevisionList' });

export const LessonPlanTopics = z.object({ pageId: Id, topics: z.array(PlanTopic) }).meta({ id: 'LessonPlanTopics' });
