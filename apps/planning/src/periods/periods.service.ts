import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  type Period,
  PlanningEvents,
  type PeriodLog,
  type PeriodLogAction,
  type PeriodsRpc,
  personIdOf,
  type RpcRequest,
  type YearList,
} from '#contracts';
import { Clock, currentActor, OutboxWriter } from '#platform';
import { assertCallerMay } from '../access/assert-caller-may.js';
import { SchoolToday } from '../school-time/school-today.js';
import { AcademicYearEntity } from '../years/academic-year.entity.js';
import { toPeriod } from '../years/academic-year.mapper.js';
import { PeriodEntity } from '../years/period.entity.js';
import { YearsService } from '../years/years.service.js';
import { PeriodLogEntity } from './period-log.entity.js';
import { toPeriodLogEntry } from './period-log.mapper.js';

type PeriodCommand = RpcRequest<typeof PeriodsRpc.close>;

const periodNotFound = () => new DomainError(ErrorCode.NotFound, 'Период не найден');
const yearNotFound = () => new DomainError(ErrorCode.NotFound, 'Учебный год не найден');
const schoolNotFound = () => new DomainError(ErrorCode.NotFound, 'Школа не найдена');

/**
 * Closing and reopening periods (R-CAL-1): the deputy director or the director closes a period once it has begun
 * (judged in the school's own zone, R-CAL-2), the deputy reopens it; each change is logged with who, when and why and
 * announced, so that journal, attendance and the read model follow. Repeating a change changes and logs nothing.
 */
@Injectable()
export class PeriodsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly years: YearsService,
    private readonly today: SchoolToday,
    private readonly clock: Clock,
    private readonly outbox: OutboxWriter,
  ) {}

  async yearsOf(schoolId: string): Promise<YearList> {
    assertCallerMay('years.read', schoolId, schoolNotFound);
    return { years: await this.years.ofSchool(schoolId) };
  }

  close(command: PeriodCommand): Promise<Period> {
    return this.change(command, 'closed');
  }

  reopen(command: PeriodCommand): Promise<Period> {
    return this.change(command, 'reopened');
  }

  async log(schoolId: string, yearId: string): Promise<PeriodLog> {
    const year = await this.dataSource.getRepository(AcademicYearEntity).findOneBy({ id: yearId });
    if (!year || year.schoolId !== schoolId) throw yearNotFound();
    assertCallerMay('periods.log.read', schoolId, yearNotFound);
    const entries = await this.dataSource.getRepository(PeriodLogEntity).find({ where: { yearId }, order: { id: 'DESC' } });
    return { entries: entries.map(toPeriodLogEntry) };
  }

  private async change(command: PeriodCommand, action: PeriodLogAction): Promise<Period> {
    const found = await this.periodOfSchool(this.dataSource.manager, command);
    assertCallerMay(action === 'closed' ? 'periods.close' : 'periods.reopen', command.schoolId, periodNotFound);
    const closing = action === 'closed';
    if (closing) await this.assertBegun(command.schoolId, found);
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT id FROM period WHERE id = $1 FOR UPDATE', [command.periodId]);
      const { period, yearId } = await this.periodOfSchool(manager, command);
      if (period.closed === closing) return toPeriod(period);
      await manager.getRepository(PeriodEntity).update({ id: period.id }, { closed: closing });
      const changed = toPeriod({ ...period, closed: closing });
      const entry = await manager.getRepository(PeriodLogEntity).save(
        manager.getRepository(PeriodLogEntity).create({
          schoolId: command.schoolId,
          yearId,
          periodId: period.id,
          periodNameRu: period.nameRu,
          action,
          reason: command.reason ?? null,
          actorId: personIdOf(currentActor()),
          at: this.clock.now(),
        }),
      );
      await this.outbox.append(manager, PlanningEvents.periodChanged, { period: changed, entry: toPeriodLogEntry(entry) });
      return changed;
    });
  }

  /** The period with its year, if it is a period of the school; NOT_FOUND otherwise (another school's looks missing). */
  private async periodOfSchool(manager: EntityManager, command: PeriodCommand): Promise<{ period: PeriodEntity; yearId: string }> {
    const period = await manager.getRepository(PeriodEntity).findOneBy({ id: command.periodId });
    const year = period ? await manager.getRepository(AcademicYearEntity).findOneBy({ id: period.yearId }) : null;
    if (!period || year?.schoolId !== command.schoolId) throw periodNotFound();
    return { period, yearId: period.yearId };
  }

  /** A period is closed once it has begun in the school's zone: closing one ahead of time is a slip of the hand. */
  private async assertBegun(schoolId: string, { period }: { period: PeriodEntity }): Promise<void> {
    const today = await this.today.of(schoolId);
    if (today < period.start) {
      throw new DomainError(ErrorCode.Conflict, `Период «${period.nameRu}» ещё не начался: закрыть можно только начавшийся период`, {
        periodStart: period.start,
        today,
      });
    }
  }
}
