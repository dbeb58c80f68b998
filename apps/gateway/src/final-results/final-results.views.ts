import { z } from 'zod';
import { Id } from '#contracts';

export const PagePeriodParams = z.object({ pageId: Id, periodId: Id });
export const PageYearParams = z.object({ pageId: Id, yearId: Id });
export const PeriodStudentParams = PagePeriodParams.extend({ studentId: Id });
export const YearStudentParams = PageYearParams.extend({ studentId: Id });
export const SchoolPeriodParams = z.object({ schoolId: Id, periodId: Id });
export const SchoolYearParams = z.object({ schoolId: Id, yearId: Id });
