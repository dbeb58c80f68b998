import { z } from 'zod';
import { ChangeReason, Id, LocalDate } from '#contracts';

export const PageParams = z.object({ pageId: Id });
export const LessonParams = z.object({ lessonId: Id });

export const HandoverBody = z
  .object({
    teacherId: Id.meta({ description: 'Учитель, который ведёт страницу с этой даты' }),
    from: LocalDate.meta({ description: 'С какого дня страница переходит к новому учителю' }),
  })
  .meta({ id: 'Handover' });
export type HandoverBody = z.infer<typeof HandoverBody>;

export const SubstituteBody = z
  .object({
    teacherId: Id.meta({ description: 'Учитель, который проводит этот урок вместо учителя страницы' }),
    reason: ChangeReason.optional(),
  })
  .meta({ id: 'SubstituteInput' });
export type SubstituteBody = z.infer<typeof SubstituteBody>;
