import { z } from 'zod';
import { ColumnAttendanceList } from '../attendance/column-reservations.rpc.js';
import { Id } from '../common/ids.js';
import { defineRpc } from '../common/rpc-definition.js';
import type { LessonColumn, LessonColumnStatus } from './lesson-column.models.js';
import { MarkValue } from './journal.models.js';

/** A mark a column adds (R-MARK-1…4). */
export const ColumnMarkInput = z.object({
  studentId: Id,
  value: MarkValue,
  workKind: z.string().min(1),
  comment: z.string().trim().max(500).nullable().default(null),
});

/** What a teacher saves as one lesson column: topic and homework, new and deleted marks, every student's attendance. */
export const LessonColumnInput = z.object({
  topic: z.string().trim().min(1).max(500).optional().meta({ description: 'Тема урока; без неё — название темы КТП (planTopicId)' }),
  homework: z.string().trim().max(2_000).nullable().default(null),
  planTopicId: Id.nullable().default(null).meta({ description: 'Тема КТП страницы, которую проходит урок (R-PLAN-3)' }),
  marks: z.array(ColumnMarkInput).max(200).default([]).meta({ description: 'Новые отметки урока' }),
  removeMarks: z
    .array(z.object({ markId: Id, expectedVersion: z.number().int().min(1).optional() }))
    .max(200)
    .default([])
    .meta({ description: 'Отметки урока, которые удаляются (остаются в истории)' }),
  attendance: ColumnAttendanceList.default([]).meta({ description: 'Посещаемость учеников (с версиями, которые видел пишущий)' }),
  reason: z.string().trim().max(500).nullable().default(null).meta({ description: 'Причина изменения для истории (необязательно)' }),
});

/**
 * A whole lesson column in one atomic request: the journal checks and holds its part, attendance reserves its part
 * (ColumnReservationRpc), then both are written, or nothing anywhere.
 */
export const LessonColumnRpc = {
  /**
   * Saves topic, homework, plan topic link, new marks and attendance of a lesson at once, as the page's teacher (or
   * the lesson's substitute). With `expectedVersion` (the lesson record's), a stale column is refused whole with
   * VERSION_CONFLICT and the current column; so is a stale attendance version of any student.
   */
  save: defineRpc<LessonColumn>()(
    'journal.lesson-columns.save',
    LessonColumnInput.extend({ lessonId: Id, expectedVersion: z.number().int().min(0).optional() }),
  ),
  /**
   * Whether a column committed (system actor only): attendance asks about a reservation left pending. A column not
   * committed is marked aborted by the question itself, so it can never commit afterwards.
   */
  status: defineRpc<{ columnId: string; status: LessonColumnStatus }>()('journal.lesson-columns.status', z.object({ columnId: Id })),
} as const;
