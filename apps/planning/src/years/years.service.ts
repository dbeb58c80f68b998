import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { type AcademicYear, DomainError, ErrorCode, type Period, PlanningEvents } from '#contracts';
import { OutboxWriter } from '#platform';
import { AcademicYearEntity } from './academic-year.entity.js';
import { comparePeriods, toAcademicYear, toPeriod } from './academic-year.mapper.js';
import { DayOffEntity } from './day-off.entity.js';
import { latestPeriodFirst, periodContains } from './period-at.js';
import { PeriodEntity } from './period.entity.js';
import { SchoolBreakEntity } from './school-break.entity.js';
import type { UpsertYearCommand } from './upsert-year.command.js';
import { canonicalJson } from './canonical-json.js';
import { assertClosedPeriodsKept, assertValidYear, periodKey } from './year-rules.js';

const YEAR_NOT_FOUND = 'Учебный год не найден';
const PERIOD_NOT_FOUND = 'Период не найден';

/** The year the command describes, keeping the ids and "closed" flags of the periods it already had. */
function nextYear(command: UpsertYearCommand, existing: AcademicYear | null): AcademicYear {
  const yearId = existing?.id ?? randomUUID();
  const existingPeriods = new Map((existing?.periods ?? []).map((period) => [periodKey(period), period]));
  const periods: Period[] = command.periods.map((period) => {
    const kept = existingPeriods.get(periodKey(period));
    return { id: kept?.id ?? randomUUID(), yearId, ...period, closed: kept?.closed ?? false };
  });
  return {
    id: yearId,
    schoolId: command.schoolId,
    label: command.label,
    start: command.start,
    end: command.end,
    derived: command.derived,
    daysPerWeek: command.daysPerWeek,
    periods: periods.sort(comparePeriods),
    breaks: command.breaks,
    daysOff: [...command.daysOff].sort((a, b) => a.date.localeCompare(b.date)),
    workingWeekendDays: [...new Set(command.workingWeekendDays)].sort(),
  };
}

@Injectable()
export class YearsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async upsert(command: UpsertYearCommand): Promise<AcademicYear> {
    assertValidYear(command);
    return this.dataSource.transaction(async (manager) => {
      // Two loads of the same new year must not both insert it.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`planning.year:${command.schoolId}:${command.label}`]);
      const found = await manager.getRepository(AcademicYearEntity).findOneBy({ schoolId: command.schoolId, label: command.label });
      const existing = found ? await this.assemble(manager, found) : null;
      const next = nextYear(command, existing);
      if (existing && canonicalJson(existing) === canonicalJson(next)) return existing;
      if (existing) assertClosedPeriodsKept(existing, next);
      await this.write(manager, next);
      await this.outbox.append(manager, PlanningEvents.yearSaved, next);
      return next;
    });
  }

  async get(yearId: string, manager: EntityManager = this.dataSource.manager): Promise<AcademicYear> {
    const year = await manager.getRepository(AcademicYearEntity).findOneBy({ id: yearId });
    if (!year) throw new DomainError(ErrorCode.NotFound, YEAR_NOT_FOUND, { yearId });
    return this.assemble(manager, year);
  }

  /** The school's years, earliest first. */
  async ofSchool(schoolId: string): Promise<AcademicYear[]> {
    const years = await this.dataSource.getRepository(AcademicYearEntity).find({ where: { schoolId }, order: { start: 'ASC' } });
    return Promise.all(years.map((year) => this.assemble(this.dataSource.manager, year)));
  }

  /** The year containing the date; between years (summer) the last one that ended before it. */
  async at(schoolId: string, date: string): Promise<AcademicYear> {
    const year = await this.dataSource
      .getRepository(AcademicYearEntity)
      .createQueryBuilder('year')
      .where('year.schoolId = :schoolId AND year.start <= :date', { schoolId, date })
      .orderBy('year.end', 'DESC')
      .getOne();
    if (!year) throw new DomainError(ErrorCode.NotFound, YEAR_NOT_FOUND, { schoolId, date });
    return this.assemble(this.dataSource.manager, year);
  }

  async periodAt(schoolId: string, grade: number, date: string): Promise<Period> {
    const period = await this.findPeriodAt({ schoolId }, grade, date);
    if (!period) throw new DomainError(ErrorCode.NotFound, PERIOD_NOT_FOUND, { schoolId, grade, date });
    return period;
  }

  /** The period of a grade that contains a date, within one year or one school; null in breaks and outside. */
  async findPeriodAt(
    scope: { schoolId: string } | { yearId: string },
    grade: number,
    date: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Period | null> {
    const query = manager
      .getRepository(PeriodEntity)
      .createQueryBuilder('period')
      .where(periodContains('period', ':grade', ':date'), { grade, date });
    if ('yearId' in scope) {
      query.andWhere('period.yearId = :yearId', { yearId: scope.yearId });
    } else {
      query
        .innerJoin(AcademicYearEntity, 'year', 'year.id = period.yearId')
        .andWhere('year.schoolId = :schoolId', { schoolId: scope.schoolId });
    }
    const period = await latestPeriodFirst(query, 'period').getOne();
    return period ? toPeriod(period) : null;
  }

  async getPeriod(periodId: string): Promise<Period> {
    const period = await this.dataSource.getRepository(PeriodEntity).findOneBy({ id: periodId });
    if (!period) throw new DomainError(ErrorCode.NotFound, PERIOD_NOT_FOUND, { periodId });
    return toPeriod(period);
  }

  private async assemble(manager: EntityManager, year: AcademicYearEntity): Promise<AcademicYear> {
    const periods = await manager.getRepository(PeriodEntity).findBy({ yearId: year.id });
    const breaks = await manager.getRepository(SchoolBreakEntity).findBy({ yearId: year.id });
    const daysOff = await manager.getRepository(DayOffEntity).findBy({ yearId: year.id });
    return toAcademicYear(year, periods, breaks, daysOff);
  }

  private async write(manager: EntityManager, year: AcademicYear): Promise<void> {
    await manager.getRepository(AcademicYearEntity).save({
      id: year.id,
      schoolId: year.schoolId,
      label: year.label,
      start: year.start,
      end: year.end,
      derived: year.derived,
      daysPerWeek: year.daysPerWeek,
      workingWeekendDays: year.workingWeekendDays,
    });
    await manager.query('DELETE FROM period WHERE year_id = $1 AND NOT (id = ANY($2::uuid[]))', [
      year.id,
      year.periods.map((period) => period.id),
    ]);
    await manager.getRepository(PeriodEntity).save(year.periods);
    await manager.getRepository(SchoolBreakEntity).delete({ yearId: year.id });
    if (year.breaks.length > 0) {
      await manager
        .getRepository(SchoolBreakEntity)
        .insert(year.breaks.map((schoolBreak, position) => ({ yearId: year.id, position, ...schoolBreak })));
    }
    await manager.getRepository(DayOffEntity).delete({ yearId: year.id });
    if (year.daysOff.length > 0) {
      await manager.getRepository(DayOffEntity).insert(year.daysOff.map((dayOff) => ({ yearId: year.id, ...dayOff })));
    }
  }
}
