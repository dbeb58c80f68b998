import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { type EntityManager, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { type AbsenceReason, type AttendanceEntry, AttendanceEvents, DomainError, ErrorCode, PlanningRpc } from '#contracts';
import { batchesWithinBudget, OutboxWriter, RpcClient } from '#platform';
import { assertDaysNotReserved } from '../column/reserved-entries.js';
import { lockEntries } from '../database/entry-locks.js';
import { AttendanceEntryEntity } from '../entries/attendance-entry.entity.js';
import { toAttendanceEntry } from '../entries/attendance-entry.mapper.js';
import { AttendanceHistoryWriter } from '../history/attendance-history.writer.js';
import { AbsenceExcuseEntity } from './absence-excuse.entity.js';

/** A reason a class teacher gives a student's absences over some days (R-ATT-1). */
export interface Excuse {
  studentId: string;
  from: string;
  to: string;
  reason: AbsenceReason;
  /** The parent's notice it comes from, when accepted. */
  noticeId: string | null;
  actorId: string | null;
  at: Date;
  /** Why, as the history keeps it. */
  historyReason: string | null;
}

/** Checks the absences an excuse is about to change (who may, periods open) before anything is written. */
export type ExcuseCheck = (absences: readonly AttendanceEntryEntity[]) => Promise<void>;

const PLANNING_CALLS_AT_ONCE = 16;

/**
 * Excuses: a class teacher's reason for a student's days, given directly or by accepting a parent's notice. Giving one
 * sets the reason of the student's absences on those days and confirms it; an absence recorded on those days later
 * takes the reason too (EntriesService). Callers hold the student's lock (lockStudent).
 */
@Injectable()
export class AbsenceExcuses {
  constructor(
    private readonly rpc: RpcClient,
    private readonly history: AttendanceHistoryWriter,
    private readonly outbox: OutboxWriter,
  ) {}

  /** The latest excuse covering a student's day, if any. */
  covering(manager: EntityManager, studentId: string, date: string): Promise<AbsenceExcuseEntity | null> {
    return manager.getRepository(AbsenceExcuseEntity).findOne({
      where: { studentId, from: LessThanOrEqual(date), to: MoreThanOrEqual(date) },
      order: { seq: 'DESC' },
    });
  }

  /**
   * Records the excuse and gives its reason, confirmed, to the student's absences on those days; answers those
   * absences as they are now. Absences already with that confirmed reason stay as they are.
   */
  async give(manager: EntityManager, excuse: Excuse, check: ExcuseCheck): Promise<AttendanceEntry[]> {
    const absences = await this.absencesIn(manager, excuse);
    await lockEntries(manager, absences);
    await assertDaysNotReserved(manager, excuse.studentId, excuse.from, excuse.to);
    const locked = await this.absencesIn(manager, excuse);
    await check(locked);
    await manager.getRepository(AbsenceExcuseEntity).insert({
      id: randomUUID(),
      studentId: excuse.studentId,
      from: excuse.from,
      to: excuse.to,
      reason: excuse.reason,
      noticeId: excuse.noticeId,
      setBy: excuse.actorId,
      setAt: excuse.at,
    });
    const repository = manager.getRepository(AttendanceEntryEntity);
    const changes: Array<{ before: AttendanceEntry; after: AttendanceEntry }> = [];
    const entries: AttendanceEntry[] = [];
    for (const absence of locked) {
      if (absence.reason === excuse.reason && absence.reasonConfirmedAt !== null) {
        entries.push(toAttendanceEntry(absence));
        continue;
      }
      const changed: AttendanceEntryEntity = {
        ...absence,
        reason: excuse.reason,
        reasonConfirmedBy: excuse.actorId,
        reasonConfirmedAt: excuse.at,
        version: absence.version + 1,
      };
      await repository.update(
        { lessonId: absence.lessonId, studentId: absence.studentId },
        { reason: changed.reason, reasonConfirmedBy: changed.reasonConfirmedBy, reasonConfirmedAt: changed.reasonConfirmedAt, version: changed.version },
      );
      const after = toAttendanceEntry(changed);
      changes.push({ before: toAttendanceEntry(absence), after });
      entries.push(after);
    }
    if (changes.length > 0) {
      await this.history.append(
        manager,
        changes.map(({ before, after }) => ({
          lessonId: after.lessonId,
          studentId: after.studentId,
          action: 'updated' as const,
          oldValue: before,
          newValue: after,
          actorId: excuse.actorId,
          at: excuse.at,
          reason: excuse.historyReason,
        })),
      );
      for (const batch of batchesWithinBudget(changes.map(({ after }) => after))) {
        await this.outbox.append(manager, AttendanceEvents.entriesSaved, { entries: batch });
      }
    }
    return entries;
  }

  /** A closed period refuses every edit: an excuse touching an absence in one is refused whole (PERIOD_CLOSED). */
  async assertPeriodsOpen(absences: readonly AttendanceEntryEntity[]): Promise<void> {
    const lessonIds = [...new Set(absences.map((absence) => absence.lessonId))];
    for (let start = 0; start < lessonIds.length; start += PLANNING_CALLS_AT_ONCE) {
      const details = await Promise.all(
        lessonIds.slice(start, start + PLANNING_CALLS_AT_ONCE).map((lessonId) => this.rpc.call(PlanningRpc.getLesson, { lessonId })),
      );
      const closed = details.find((lesson) => lesson.period?.closed);
      if (closed?.period) {
        throw new DomainError(
          ErrorCode.PeriodClosed,
          `Период «${closed.period.nameRu}» закрыт: причины пропусков ${closed.lesson.date} не изменяются`,
          { lessonDate: closed.lesson.date },
        );
      }
    }
  }

  private absencesIn(manager: EntityManager, excuse: Pick<Excuse, 'studentId' | 'from' | 'to'>): Promise<AttendanceEntryEntity[]> {
    return manager
      .getRepository(AttendanceEntryEntity)
      .createQueryBuilder('e')
      .where('e.student_id = :studentId AND e.lesson_date BETWEEN :from AND :to AND e.status = :status', {
        studentId: excuse.studentId,
        from: excuse.from,
        to: excuse.to,
        status: 'absent',
      })
      .orderBy('e.lesson_date', 'ASC')
      .addOrderBy('e.recorded_at', 'ASC')
      .addOrderBy('e.lesson_id', 'ASC')
      .getMany();
  }
}
