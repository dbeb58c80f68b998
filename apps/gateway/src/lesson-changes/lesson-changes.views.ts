import { z } from 'zod';
import { ChangeReason, Id, LessonNumber, LocalDate } from '#contracts';

export const LessonParams = z.object({ lessonId: Id });
export const PageParams = z.object({ pageId: Id });
export const SchoolParams = z.object({ schoolId: Id });

export const CancelLessonBody = z.object({ reason: ChangeReason }).meta({ id: 'CancelLessonInput' });
export type CancelLessonBody = z.infer<typeof CancelLessonBody>;

export const MoveLessonBody = z
  .object({
    date: LocalDate.optional().meta({ description: 'Новая дата урока; по умолчанию — прежняя' }),
    lessonNumber: LessonNumber.optional().meta({ description: 'Новый номер урока; по умолчанию — прежний' }),
    reason: ChangeReason,
  })
  .refine((body) => body.date !== undefined || body.lessonNumber !== undefined, {
    message: 'Укажите новую дату или номер урока',
    path: ['date'],
  })
  .meta({ id: 'MoveLessonInput' });
export type MoveLessonBody = z.infer<typeof MoveLessonBody>;

export const ExtraLessonBody = z
  .object({ date: LocalDate, lessonNumber: LessonNumber, reason: ChangeReason })
  .meta({ id: 'ExtraLessonInput' });
export type ExtraLessonBody = z.infer<typeof ExtraLessonBody>;

export const LessonChangesQuery = z.object({
  from: LocalDate.meta({ description: 'Первый день: изменения уроков этих дат (до или после переноса)' }),
  to: LocalDate.meta({ description: 'Последний день' }),
  classId: Id.optional().meta({ description: 'Только уроки этого класса' }),
});
export type LessonChangesQuery = z.infer<typeof LessonChangesQuery>;

export const RegenerateBody = z
  .object({
    from: LocalDate.optional().meta({ description: 'С какого дня; по умолчанию — сегодня в часовом поясе школы' }),
    apply: z.boolean().default(false).meta({ description: 'false — только показать разницу (по умолчанию); true — применить' }),
  })
  .meta({ id: 'RegenerateTimetableInput' });
export type RegenerateBody = z.infer<typeof RegenerateBody>;
