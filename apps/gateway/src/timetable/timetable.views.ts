import { z } from 'zod';
import { Bell, Id } from '#contracts';

export const ClassTimetableParams = z.object({ classId: Id });
export const ClassTimetableQuery = z.object({ yearId: Id.meta({ description: 'Учебный год (его id)' }) });
export type ClassTimetableQuery = z.infer<typeof ClassTimetableQuery>;

export const ClassTimetableBody = z
  .object({
    yearId: Id,
    slots: z
      .array(
        z.object({
          pageId: Id.meta({ description: 'Страница журнала класса (предмет, при делении — группа)' }),
          weekday: z.number().int().min(1).max(6).meta({ description: 'День недели: 1 — понедельник … 6 — суббота' }),
          lessonNumber: z.number().int().min(0).max(10).meta({ description: 'Номер урока' }),
        }),
      )
      .max(100),
  })
  .meta({ id: 'ClassTimetableInput' });
export type ClassTimetableBody = z.infer<typeof ClassTimetableBody>;

export const SchoolParams = z.object({ schoolId: Id });
export const BellsBody = z.object({ bells: z.array(Bell).min(1).max(11) }).meta({ id: 'BellsInput' });
export type BellsBody = z.infer<typeof BellsBody>;
