import { z } from 'zod';
import { Grade, Id, SubjectCode } from '../common/ids.js';
import { defineRpc } from '../common/rpc-definition.js';

/** Lessons a week: whole or half hours (a half is a lesson every other week). */
export const HoursPerWeek = z.number().min(0.5).max(40).multipleOf(0.5).meta({ description: 'Часов в неделю', example: 3 });
export const StudyWeeks = z.number().int().min(1).max(52).meta({ description: 'Учебных недель в году', example: 34 });

export const CurriculumSource = z.enum(['federal', 'school']);
export type CurriculumSource = z.infer<typeof CurriculumSource>;

/**
 * One subject of one grade in a school's plan for a year: weekly hours, weeks (their product is the year's hours),
 * whether classes are split into groups for it (R-CAL-3) and whether it is marked (R-MARK-1).
 */
export const CurriculumLine = z
  .object({
    schoolId: Id,
    yearId: Id,
    grade: Grade,
    subjectCode: SubjectCode,
    nameRu: z.string(),
    hoursPerWeek: HoursPerWeek,
    studyWeeks: StudyWeeks,
    annualHours: z.number().meta({ description: 'Часов в год: часы в неделю × учебные недели' }),
    split: z.boolean().meta({ description: 'Класс делится на группы (подгруппы)' }),
    marked: z.boolean().meta({ description: 'Отметочный предмет; false — безотметочный' }),
    source: CurriculumSource.meta({ description: 'federal — из федерального учебного плана, school — добавлен школой' }),
  })
  .meta({ id: 'CurriculumLine' });
export type CurriculumLine = z.infer<typeof CurriculumLine>;

export const Curriculum = z.object({ schoolId: Id, yearId: Id, lines: z.array(CurriculumLine) }).meta({ id: 'Curriculum' });
export type Curriculum = z.infer<typeof Curriculum>;

/** What a line says, as the change log keeps it before and after a change. */
export const CurriculumValues = CurriculumLine.pick({ nameRu: true, hoursPerWeek: true, studyWeeks: true, split: true, marked: true });
export type CurriculumValues = z.infer<typeof CurriculumValues>;

export const CurriculumChange = z
  .object({
    id: z.string().meta({ description: 'Номер записи журнала изменений (растёт со временем)' }),
    yearId: Id,
    grade: Grade,
    subjectCode: SubjectCode,
    action: z.enum(['created', 'updated']),
    oldValue: CurriculumValues.nullable(),
    newValue: CurriculumValues,
    actorId: Id.nullable().meta({ description: 'Кто изменил (null — система)' }),
    at: z.iso.datetime({ offset: true }),
    reason: z.string().nullable(),
  })
  .meta({ id: 'CurriculumChange' });
export type CurriculumChange = z.infer<typeof CurriculumChange>;

export const CurriculumLog = z.object({ changes: z.array(CurriculumChange) }).meta({ id: 'CurriculumLog' });
export type CurriculumLog = z.infer<typeof CurriculumLog>;

/**
 * A subject of a grade set by the school: a new line, or a change of hours, weeks, groups or marking of an existing
 * one. Omitted fields keep their value (a new line: 34 weeks, 33 in grade 1; not split; marked as the subject is).
 */
export const CurriculumLineInput = z
  .object({
    nameRu: z.string().trim().min(1).max(200).optional().meta({ description: 'Название; обязательно для предмета, которого в школе ещё нет' }),
    hoursPerWeek: HoursPerWeek.optional(),
    studyWeeks: StudyWeeks.optional(),
    split: z.boolean().optional(),
    marked: z.boolean().optional(),
    reason: z.string().trim().min(1).max(1_000).optional().meta({ description: 'Основание изменения' }),
  })
  .meta({ id: 'CurriculumLineInput' });

export const CurriculumInitInput = z
  .object({ grades: z.array(Grade).min(1).max(11).optional().meta({ description: 'Параллели (по умолчанию 1–11)' }) })
  .meta({ id: 'CurriculumInitInput' });

export const CurriculumInitialized = Curriculum.extend({ added: z.number().int().meta({ description: 'Сколько строк добавлено' }) }).meta({
  id: 'CurriculumInitialized',
});
export type CurriculumInitialized = z.infer<typeof CurriculumInitialized>;

export const AnnualHours = z.object({
  yearId: Id,
  grade: Grade,
  subjectCode: SubjectCode,
  hoursPerWeek: HoursPerWeek,
  studyWeeks: StudyWeeks,
  annualHours: z.number(),
});
export type AnnualHours = z.infer<typeof AnnualHours>;

const YearOfSchool = { schoolId: Id, yearId: Id };

/**
 * Request/reply subjects of a school's curriculum (учебный план) per year and grade: initialised from the federal
 * curriculum, then kept by the deputy director or the director; every change is logged with who, when, old and new.
 */
export const CurriculumRpc = {
  /** Adds the federal plan's lines the year does not have yet (and the school's missing subjects); never overwrites. */
  initialize: defineRpc<CurriculumInitialized>()('planning.curriculum.initialize', CurriculumInitInput.extend(YearOfSchool)),
  get: defineRpc<Curriculum>()('planning.curriculum.get', z.object({ ...YearOfSchool, grade: Grade.optional() })),
  /** Adds a subject to a grade or changes its line; the same values again change nothing and log nothing. */
  setLine: defineRpc<CurriculumLine>()(
    'planning.curriculum.set-line',
    CurriculumLineInput.extend({ ...YearOfSchool, grade: Grade, subjectCode: SubjectCode }),
  ),
  log: defineRpc<CurriculumLog>()('planning.curriculum.log', z.object(YearOfSchool)),
  /** The hours of a subject in a grade over the year (weekly hours × weeks); NOT_FOUND when the plan has no such line. */
  annualHours: defineRpc<AnnualHours>()('planning.curriculum.annual-hours', z.object({ yearId: Id, grade: Grade, subjectCode: SubjectCode })),
} as const;
