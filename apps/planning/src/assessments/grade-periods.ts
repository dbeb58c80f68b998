import { Injectable } from '@nestjs/common';
import { type AcademicYear, DomainError, ErrorCode, type Period } from '#contracts';
import { SchoolToday } from '../school-time/school-today.js';
import { YearsService } from '../years/years.service.js';

/** The period a report of a grade is for: the one asked for, or the one of today in the school's zone (R-CAL-2). */
@Injectable()
export class GradePeriods {
  constructor(
    private readonly years: YearsService,
    private readonly today: SchoolToday,
  ) {}

  async periodOf(year: AcademicYear, grade: number, periodId: string | undefined): Promise<Period> {
    if (periodId !== undefined) {
      const period = year.periods.find((candidate) => candidate.id === periodId);
      if (!period || grade < period.gradeFrom || grade > period.gradeTo) {
        throw new DomainError(ErrorCode.NotFound, 'Период не найден', { periodId });
      }
      return period;
    }
    const today = await this.today.of(year.schoolId);
    const period = await this.years.findPeriodAt({ yearId: year.id }, grade, today);
    if (!period) throw new DomainError(ErrorCode.NotFound, 'Сегодня не идёт учебный период: укажите период', { today });
    return period;
  }
}
