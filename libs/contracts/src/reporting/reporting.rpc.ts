import { z } from 'zod';
import { Id } from '../common/ids.js';
import { LocalDate } from '../common/local-date.js';
import { defineRpc } from '../common/rpc-definition.js';
import type { ClassSummary, DiaryMarks, DiaryWeek } from './reporting.models.js';

export const ReportingRpc = {
  /** The week of a student from Monday `weekStart`; callers check who may read it. */
  diaryWeek: defineRpc<DiaryWeek>()('reporting.diary.week', z.object({ studentId: Id, weekStart: LocalDate })),
  /** Marks by subject in the period of the student's class that contains `date` (or the given period). */
  diaryMarks: defineRpc<DiaryMarks>()(
    'reporting.diary.marks',
    z.object({ studentId: Id, date: LocalDate, periodId: Id.optional() }),
  ),
  /** The class summary for the period containing `date` (or the given period). */
  classSummary: defineRpc<ClassSummary>()(
    'reporting.classes.summary',
    z.object({ classId: Id, date: LocalDate, periodId: Id.optional() }),
  ),
  /** Drops the read model and rebuilds it from the whole event stream (system actor only). */
  rebuild: defineRpc<{ ok: true }>()('reporting.read-model.rebuild', z.object({})),
  /** Events not yet applied to the read model. */
  backlog: defineRpc<{ backlog: number }>()('reporting.read-model.backlog', z.object({})),
} as const;
