import { z } from 'zod';
import { Child, Id, LocalDate } from '#contracts';

export const ChildrenView = z.object({ children: z.array(Child) }).meta({ id: 'Children' });
export type ChildrenView = z.infer<typeof ChildrenView>;

export const StudentParams = z.object({ studentId: Id });

export const DiaryQuery = z.object({
  week: LocalDate.optional().meta({ description: 'Любой день недели; по умолчанию — текущая неделя в часовом поясе школы' }),
});

export const StudentMarksQuery = z.object({
  date: LocalDate.optional().meta({ description: 'День внутри периода; по умолчанию — сегодня в часовом поясе школы' }),
  periodId: Id.optional(),
});
