import { z } from 'zod';
import { Id, SubjectCode } from '../common/ids.js';
import { LocalDate } from '../common/local-date.js';
import { PlanTopicKind } from './plan-topic-kind.js';

/**
 * The federal rules for assessment work (letter of Рособрнадзор and Минпросвещения СК-228/03, 01-169/08-01 of
 * 6 August 2021) that a plan or a timetable breaks. Codes are stable; the messages are for people.
 */
export const AssessmentWarningCode = z.enum([
  /** More than one assessment in a class on one day (across all its pages). */
  'ASSESSMENTS_SAME_DAY',
  /** Assessments of a subject take more than 10 % of its annual hours in the class. */
  'ASSESSMENTS_OVER_TEN_PERCENT',
  /** An assessment on the first or the last lesson of the class's day, the subject having more than one lesson a week. */
  'ASSESSMENT_FIRST_OR_LAST_LESSON',
]);
export type AssessmentWarningCode = z.infer<typeof AssessmentWarningCode>;

/** A rule an assessment breaks: warned about, never refused. */
export const AssessmentWarning = z
  .object({
    code: AssessmentWarningCode,
    message: z.string(),
    classId: Id,
    pageIds: z.array(Id),
    topicIds: z.array(Id),
    date: LocalDate.nullable(),
    lessonNumber: z.number().int().nullable(),
  })
  .meta({ id: 'AssessmentWarning' });
export type AssessmentWarning = z.infer<typeof AssessmentWarning>;

/** One assessment on the published schedule of a class (график оценочных процедур). */
export const ScheduledAssessment = z
  .object({
    date: LocalDate,
    lessonNumber: z.number().int().nullable().meta({ description: 'Номер урока; null — в этот день урока по расписанию нет' }),
    pageId: Id,
    topicId: Id,
    subjectCode: SubjectCode,
    subjectName: z.string(),
    groupName: z.string().nullable(),
    kind: PlanTopicKind,
    kindName: z.string(),
    title: z.string(),
  })
  .meta({ id: 'ScheduledAssessment' });
export type ScheduledAssessment = z.infer<typeof ScheduledAssessment>;

export const AssessmentSchedule = z
  .object({
    classId: Id,
    className: z.string(),
    academicYear: z.string(),
    period: z.object({ id: Id, nameRu: z.string(), start: LocalDate, end: LocalDate }),
    assessments: z.array(ScheduledAssessment),
  })
  .meta({ id: 'AssessmentSchedule' });
export type AssessmentSchedule = z.infer<typeof AssessmentSchedule>;

export const AssessmentCheck = z
  .object({ classId: Id, academicYear: z.string(), warnings: z.array(AssessmentWarning) })
  .meta({ id: 'AssessmentCheck' });
export type AssessmentCheck = z.infer<typeof AssessmentCheck>;
