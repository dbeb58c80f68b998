import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, ErrorCode, type Period } from '#contracts';
import { YearsService } from '../years/years.service.js';

/** The refusal every service gives for an edit in a closed period (journal and attendance say the same). */
export function periodClosedError(period: Pick<Period, 'id' | 'nameRu'>): DomainError {
  return new DomainError(ErrorCode.PeriodClosed, `Период «${period.nameRu}» закрыт: изменения не допускаются`, {
    periodId: period.id,
  });
}

/**
 * The check planning's own edits make before they touch a date (a one-off change of a lesson, a regenerated
 * calendar): nothing changes in a closed period until the deputy director reopens it. A date in a break or outside
 * the year belongs to no period and is open.
 */
@Injectable()
export class PeriodGuard {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly years: YearsService,
  ) {}

  /** Refuses with PERIOD_CLOSED when the period of the grade containing the date in the year is closed. */
  async assertPeriodOpen(yearId: string, grade: number, date: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const period = await this.years.findPeriodAt({ yearId }, grade, date, manager);
    if (period?.closed) throw periodClosedError(period);
  }
}
