import { z } from 'zod';
import { AcademicYearLabel, Grade, Id, SubjectCode } from '../common/ids.js';
import { LocalDate } from '../common/local-date.js';
import { PersonName } from '../common/person-name.js';
import { AssessmentWarning } from './assessment.models.js';
import { PlanTopicKind } from './plan-topic-kind.js';

export const PlanTopicTitle = z.string().trim().min(1, 'Тема не указана').max(500);
export const PlanTopicHours = z.number().int().min(1).max(99);

/** One topic of a plan: its place in the plan (number), hours, the planned date of its first lesson, its kind. */
export const PlanTopic = z
  .object({
    /** Stable across revisions: revisions are compared and lessons linked by it (R-PLAN-2, R-PLAN-3). */
    id: Id,
    number: z.number().int().min(1),
    title: PlanTopicTitle,
    hours: PlanTopicHours,
    plannedDate: LocalDate.nullable(),
    kind: PlanTopicKind,
  })
  .meta({ id: 'PlanTopic' });
export type PlanTopic = z.infer<typeof PlanTopic>;

/** A topic as a teacher writes it: an existing topic keeps its id; a topic without one is new. */
export const PlanTopicInput = z
  .object({
    id: Id.optional().meta({ description: 'Тема из прежней редакции КТП; без него тема новая' }),
    title: PlanTopicTitle,
    hours: PlanTopicHours,
    plannedDate: LocalDate.nullable().default(null),
    kind: PlanTopicKind.default('lesson'),
  })
  .meta({ id: 'PlanTopicInput' });
export type PlanTopicInput = z.infer<typeof PlanTopicInput>;

/** The current calendar-thematic plan (КТП) of a journal page; version 0: nothing saved yet. */
export const ThematicPlan = z
  .object({
    pageId: Id,
    schoolId: Id,
    classId: Id,
    className: z.string(),
    grade: Grade,
    subjectCode: SubjectCode,
    groupId: Id.nullable(),
    groupName: z.string().nullable(),
    academicYear: AcademicYearLabel,
    version: z.number().int().min(0).meta({ description: 'Номер последней редакции; 0 — КТП ещё не вносился' }),
    /** The first save: what the 10 September deadline is judged by (R-PLAN-1). */
    submittedAt: z.iso.datetime({ offset: true }).nullable(),
    updatedAt: z.iso.datetime({ offset: true }).nullable(),
    totalHours: z.number().int(),
    topics: z.array(PlanTopic),
  })
  .meta({ id: 'ThematicPlan' });
export type ThematicPlan = z.infer<typeof ThematicPlan>;

/** A saved plan with the assessment rules it breaks (warnings, never a refusal). */
export const PlanSaved = z.object({ plan: ThematicPlan, warnings: z.array(AssessmentWarning) }).meta({ id: 'PlanSaved' });
export type PlanSaved = z.infer<typeof PlanSaved>;

export const PlanRevisionSource = z.enum(['edit', 'import']);

/** One kept revision of a plan (R-PLAN-2): who saved it, when, how. */
export const PlanRevisionSummary = z
  .object({
    number: z.number().int().min(1),
    authorId: Id.nullable().meta({ description: 'Кто сохранил редакцию; null — загружено системой' }),
    savedAt: z.iso.datetime({ offset: true }),
    source: PlanRevisionSource,
    topicCount: z.number().int(),
    totalHours: z.number().int(),
  })
  .meta({ id: 'PlanRevisionSummary' });
export type PlanRevisionSummary = z.infer<typeof PlanRevisionSummary>;

export const PlanTopicField = z.enum(['title', 'hours', 'plannedDate', 'kind']);
export type PlanTopicField = z.infer<typeof PlanTopicField>;

/** A topic kept from one revision to the next (same id) whose content changed; a new place alone is no change. */
export const PlanTopicChange = z.object({ topicId: Id, before: PlanTopic, after: PlanTopic, fields: z.array(PlanTopicField) });
export type PlanTopicChange = z.infer<typeof PlanTopicChange>;

/** What a list of topics changed against an earlier one, topic by topic (by the stable topic id). */
export const PlanChanges = z
  .object({ added: z.array(PlanTopic), removed: z.array(PlanTopic), changed: z.array(PlanTopicChange) })
  .meta({ id: 'PlanChanges' });
export type PlanChanges = z.infer<typeof PlanChanges>;

/** A revision with its topics and what it changed against the one before it (against nothing for the first). */
export const PlanRevisionDetail = z
  .object({
    revision: PlanRevisionSummary,
    topics: z.array(PlanTopic),
    previous: z.number().int().nullable(),
    changes: PlanChanges,
  })
  .meta({ id: 'PlanRevision' });
export type PlanRevisionDetail = z.infer<typeof PlanRevisionDetail>;

/** A page's plan against the 10 September deadline, judged in the school's time zone (R-PLAN-1, R-CAL-2). */
export const PlanDeadlineStatus = z.enum(['submitted-on-time', 'submitted-late', 'missing-overdue', 'missing-not-yet-due']);
export type PlanDeadlineStatus = z.infer<typeof PlanDeadlineStatus>;

export const PagePlanStatus = z
  .object({
    pageId: Id,
    classId: Id,
    className: z.string(),
    grade: Grade,
    subjectCode: SubjectCode,
    subjectName: z.string(),
    groupName: z.string().nullable(),
    teachers: z.array(z.object({ id: Id, name: PersonName })).meta({ description: 'Учителя страницы на сегодня (или последние)' }),
    status: PlanDeadlineStatus,
    submittedAt: z.iso.datetime({ offset: true }).nullable(),
    lastRevisionAt: z.iso.datetime({ offset: true }).nullable(),
    revisions: z.number().int(),
  })
  .meta({ id: 'PagePlanStatus' });
export type PagePlanStatus = z.infer<typeof PagePlanStatus>;

/** The coordinator's list: every page of the school in a year with its plan's status (R-PLAN-1, R-REP-3). */
export const SchoolPlanStatus = z
  .object({
    schoolId: Id,
    academicYear: AcademicYearLabel,
    deadline: LocalDate,
    today: LocalDate,
    timeZone: z.string(),
    counts: z.record(PlanDeadlineStatus, z.number().int()),
    pages: z.array(PagePlanStatus),
  })
  .meta({ id: 'SchoolPlanStatus' });
export type SchoolPlanStatus = z.infer<typeof SchoolPlanStatus>;

/** An uploaded file as it travels to planning: its bytes in base64 within one NATS message (a plan file is small). */
export const UploadedFile = z
  .object({
    fileName: z.string().min(1).max(255),
    contentType: z.string().max(255).optional(),
    content: z.base64().max(960_000, 'Файл слишком большой: можно не больше 700 КБ'),
  })
  .meta({ id: 'UploadedFile' });
export type UploadedFile = z.infer<typeof UploadedFile>;

/** A file made by a service: name, type and the bytes in base64. */
export const ExportedFile = z.object({ fileName: z.string(), contentType: z.string(), content: z.string() });
export type ExportedFile = z.infer<typeof ExportedFile>;

export const ExportFormat = z.enum(['xlsx', 'csv']);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const PlanImportIssue = z.object({
  /** The row a spreadsheet shows. */
  line: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});
export type PlanImportIssue = z.infer<typeof PlanImportIssue>;

/** The dry run of a plan import: how the file was read, its row errors in Russian, and what saving it would change. */
export const PlanImportPreview = z
  .object({
    format: z.enum(['csv', 'xlsx']),
    encoding: z.string().nullable(),
    separator: z.string().nullable(),
    headerLine: z.number().int(),
    rowCount: z.number().int(),
    /** The file's column titles for each field read (title, hours, date, number, kind). */
    columns: z.record(z.string(), z.string()),
    ignoredColumns: z.array(z.string()),
    /** Rows read as section headings (no number) and left out. */
    skippedRows: z.array(z.object({ line: z.number().int(), reason: z.string() })),
    errors: z.array(PlanImportIssue),
    topics: z.array(PlanTopic),
    totalHours: z.number().int(),
    changes: PlanChanges,
    warnings: z.array(AssessmentWarning),
  })
  .meta({ id: 'PlanImportPreview' });
export type PlanImportPreview = z.infer<typeof PlanImportPreview>;

/** One topic of the plan in the planned-against-delivered report. */
export const TopicProgress = z.object({
  topicId: Id,
  number: z.number().int(),
  title: z.string(),
  kind: PlanTopicKind,
  hours: z.number().int(),
  /** The planned date, or the date of its first lesson when the plan is followed in order on the calendar. */
  expectedDate: LocalDate.nullable(),
  plannedInPeriod: z.number().int(),
  deliveredInPeriod: z.number().int(),
});
export type TopicProgress = z.infer<typeof TopicProgress>;

/** Planned against delivered hours of a page in a period (выполнение программы, R-PLAN-3). */
export const PlanProgress = z
  .object({
    pageId: Id,
    period: z.object({ id: Id, nameRu: z.string(), start: LocalDate, end: LocalDate }),
    plannedHours: z.number().int(),
    /** Conducted lessons (topic written, not cancelled) in the period linked to a topic of the plan. */
    deliveredHours: z.number().int(),
    /** Conducted lessons in the period, linked or not. */
    conductedLessons: z.number().int(),
    /** Conducted lessons in the period not linked to any plan topic. */
    unlinkedLessons: z.number().int(),
    /** Of the delivered, lessons linked to a topic no longer in the current plan. */
    linkedToRemovedTopics: z.number().int(),
    topics: z.array(TopicProgress),
  })
  .meta({ id: 'PlanProgress' });
export type PlanProgress = z.infer<typeof PlanProgress>;

/** What the planning service announces when a plan gets a new revision (R-PLAN-1, R-PLAN-2; R-REP-3 reads it). */
export const ThematicPlanRevised = z.object({
  pageId: Id,
  schoolId: Id,
  classId: Id,
  subjectCode: SubjectCode,
  academicYear: AcademicYearLabel,
  revision: z.number().int().min(1),
  authorId: Id.nullable(),
  source: PlanRevisionSource,
  savedAt: z.iso.datetime({ offset: true }),
  submittedAt: z.iso.datetime({ offset: true }),
  topicCount: z.number().int(),
  totalHours: z.number().int(),
});
export type ThematicPlanRevised = z.infer<typeof ThematicPlanRevised>;
