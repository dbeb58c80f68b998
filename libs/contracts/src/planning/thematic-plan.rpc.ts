import { z } from 'zod';
import { AcademicYearLabel, Id } from '../common/ids.js';
import { defineRpc } from '../common/rpc-definition.js';
import type { AssessmentCheck, AssessmentSchedule } from './assessment.models.js';
import type {
  ExportedFile,
  PlanImportPreview,
  PlanProgress,
  PlanRevisionDetail,
  PlanRevisionSummary,
  PlanSaved,
  PlanTopic,
  SchoolPlanStatus,
  ThematicPlan,
} from './thematic-plan.models.js';
import { ExportFormat, PlanTopicInput, UploadedFile } from './thematic-plan.models.js';

const PageRef = { pageId: Id };
const ExpectedVersion = z.number().int().min(0).optional();

/**
 * The calendar-thematic plans (КТП) of journal pages (R-PLAN-1…3). The page's current teacher writes its plan (and the
 * school's deputy or director); whoever reads the page reads it. Every save is a kept revision.
 */
export const ThematicPlanRpc = {
  get: defineRpc<ThematicPlan>()('planning.plans.get', z.object(PageRef)),
  /**
   * Saves the whole list of topics as a new revision; with `expectedVersion` a stale edit is a VERSION_CONFLICT.
   * Saving the same topics again keeps the plan as it is. Answers the assessment rules the plan breaks (warnings).
   */
  save: defineRpc<PlanSaved>()(
    'planning.plans.save',
    z.object({ ...PageRef, topics: z.array(PlanTopicInput).min(1).max(500), expectedVersion: ExpectedVersion }),
  ),
  /** The dry run of an import from CSV or XLSX: row errors in Russian, the topics read, what saving them would change. */
  previewImport: defineRpc<PlanImportPreview>()('planning.plans.import-preview', z.object({ ...PageRef, file: UploadedFile })),
  /** Imports a file as a new revision; a file with any row error changes nothing (VALIDATION_FAILED with the errors). */
  importFile: defineRpc<PlanSaved>()(
    'planning.plans.import',
    z.object({ ...PageRef, file: UploadedFile, expectedVersion: ExpectedVersion }),
  ),
  exportFile: defineRpc<ExportedFile>()('planning.plans.export', z.object({ ...PageRef, format: ExportFormat.default('xlsx') })),
  revisions: defineRpc<{ revisions: PlanRevisionSummary[] }>()('planning.plans.revisions', z.object(PageRef)),
  /** A revision with its topics and its changes against the revision before it (R-PLAN-2). */
  revision: defineRpc<PlanRevisionDetail>()(
    'planning.plans.revision',
    z.object({ ...PageRef, number: z.number().int().min(1) }),
  ),
  /** Every page of a school in a year with its plan's status against 10 September (R-PLAN-1); default: this year. */
  schoolStatus: defineRpc<SchoolPlanStatus>()(
    'planning.plans.school-status',
    z.object({ schoolId: Id, academicYear: AcademicYearLabel.optional() }),
  ),
  /** Planned against delivered hours of a page in a period (R-PLAN-3); default: the period of today. */
  progress: defineRpc<PlanProgress>()('planning.plans.progress', z.object({ ...PageRef, periodId: Id.optional() })),
  /**
   * Loads plans kept in another system as their teachers saved them (R-DATA-2), system actor only: each the first
   * revision of its page, with its author and time; a page that already has a plan keeps it. Topic ids may be given
   * (lessons loaded later link to them).
   */
  importPlans: defineRpc<{ imported: number; skipped: number }>()(
    'planning.plans.import-plans',
    z.object({
      plans: z
        .array(
          z.object({
            ...PageRef,
            authorId: Id.nullable(),
            savedAt: z.iso.datetime({ offset: true }),
            topics: z.array(PlanTopicInput).min(1).max(500),
          }),
        )
        .min(1)
        .max(100),
    }),
  ),
  /** The plan's topics of a lesson's page, for the teacher (or substitute) who writes the lesson (R-PLAN-3). */
  lessonTopics: defineRpc<{ pageId: string; topics: PlanTopic[] }>()('planning.plans.lesson-topics', z.object({ lessonId: Id })),
} as const;

/** The assessment rules (letter СК-228/03) checked over a class, and its published schedule of assessments. */
export const AssessmentRpc = {
  check: defineRpc<AssessmentCheck>()('planning.assessments.check', z.object({ classId: Id })),
  /** The schedule of a class in a period (default: the period of today), ordered by date and lesson. */
  schedule: defineRpc<AssessmentSchedule>()('planning.assessments.schedule', z.object({ classId: Id, periodId: Id.optional() })),
  exportSchedule: defineRpc<ExportedFile>()(
    'planning.assessments.schedule-export',
    z.object({ classId: Id, periodId: Id.optional(), format: ExportFormat.default('xlsx') }),
  ),
} as const;
