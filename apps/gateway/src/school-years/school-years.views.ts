import { z } from 'zod';
import { Grade, Id, SubjectCode } from '#contracts';

export const SchoolParams = z.object({ schoolId: Id });
export const PeriodParams = z.object({ schoolId: Id, periodId: Id });
export const YearParams = z.object({ schoolId: Id, yearId: Id });
export const CurriculumLineParams = z.object({
  schoolId: Id,
  yearId: Id,
  grade: z.coerce.number().pipe(Grade).meta({ description: 'Параллель, 1–11' }),
  subjectCode: SubjectCode.meta({ description: 'Код предмета, например mathematics' }),
});
export const CurriculumQuery = z.object({
  grade: z.coerce.number().pipe(Grade).optional().meta({ description: 'Только эта параллель' }),
});
