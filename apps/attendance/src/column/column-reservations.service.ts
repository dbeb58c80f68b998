import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type Actor,
  type AttendanceEntry,
  AttendanceEvents,
  type ColumnReservationRpc,
  DomainError,
  ErrorCode,
  type LessonAttendanceState,
  type RpcRequest,
} from '#contracts';
import { assertConducted, LessonAccess, type WritableLesson } from '#lesson-access';
import { batchesWithinBudget, OutboxWriter } from '#platform';
import { type EntryKey, lockEntries, lockStudent } from '../database/entry-locks.js';
import { absenceReasonToStore } from '../entries/absence-reason.js';
import { AttendanceEntryEntity } from '../entries/attendance-entry.entity.js';
import { toAttendanceEntry } from '../entries/attendance-entry.mapper.js';
import { assertExpectedVersion } from '../entries/expected-version.js';
import { AttendanceHistoryWriter } from '../history/attendance-history.writer.js';
import { AbsenceExcuses } from '../reasons/absence-excuses.js';
import { lockLessonColumns } from './column-locks.js';
import { ColumnReservationEntryEntity, type ReservedChange } from './column-reservation-entry.entity.js';
import { ColumnReservationEntity, type ResolvedBy } from './column-reservation.entity.js';

type PrepareRequest = RpcRequest<typeof ColumnReservationRpc.prepare>;
type ColumnEntryInput = PrepareRequest['entries'][number];

const NOT_CONDUCTED = 'Урок ещё не проведён: посещаемость отмечается в день урока и позже';
const COLUMN_NOT_FOUND = 'Колонка урока не найдена';

interface PlannedEntry {
  change: ReservedChange;
  entry: AttendanceEntry;
}

const byStudent = (a: { studentId: string }, b: { studentId: string }) => a.studentId.localeCompare(b.studentId);

/**
 * The attendance part of lesson columns (the journal coordinates the whole): prepared as a reservation that blocks
 * other writes on its entries, then confirmed (written, with its history and event) or cancelled. A reservation is
 * checked at prepare exactly as single writes are checked, and confirming writes what was prepared.
 */
@Injectable()
export class ColumnReservationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: LessonAccess,
    private readonly excuses: AbsenceExcuses,
    private readonly history: AttendanceHistoryWriter,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * Checks the column's attendance as a write on the lesson (the actor writes on it, the lesson took place, each student
   * enrolled that day, the versions they saw) and reserves it. Answers the lesson's attendance as it will be once
   * confirmed. Preparing the same column again answers the same; another column pending on the lesson is a CONFLICT.
   */
  async prepare(request: PrepareRequest): Promise<{ entries: AttendanceEntry[] }> {
    const lesson = await this.access.forWriting(request.lessonId, 'lessons.attendance.write');
    const entries = [...(request.entries ?? [])].sort(byStudent);
    if (entries.length > 0) assertConducted(lesson, NOT_CONDUCTED);
    for (const entry of entries) assertStudentOfLesson(lesson, entry.studentId);
    return this.dataSource.transaction(async (manager) => {
      await lockLessonColumns(manager, request.lessonId);
      const reservations = manager.getRepository(ColumnReservationEntity);
      const known = await reservations.findOneBy({ columnId: request.columnId });
      if (known) {
        if (known.status !== 'pending' || known.lessonId !== request.lessonId) {
          throw new DomainError(ErrorCode.Conflict, 'Сохранение колонки урока уже завершено или отменено', { columnId: request.columnId });
        }
        return { entries: await this.lessonAttendance(manager, known) };
      }
      const pending = await reservations.findOneBy({ lessonId: request.lessonId, status: 'pending' });
      if (pending) {
        throw new DomainError(ErrorCode.Conflict, 'Колонка этого урока уже сохраняется: повторите через несколько секунд', {
          pendingColumnId: pending.columnId,
        });
      }
      for (const entry of entries) await lockStudent(manager, entry.studentId);
      await lockEntries(manager, entries.map((entry) => ({ lessonId: request.lessonId, studentId: entry.studentId })));
      const planned: PlannedEntry[] = [];
      for (const entry of entries) planned.push(await this.plan(manager, lesson, entry));
      const reservation: ColumnReservationEntity = reservations.create({
        columnId: request.columnId,
        lessonId: request.lessonId,
        status: 'pending',
        pageId: lesson.details.lesson.pageId,
        lessonDate: lesson.details.lesson.date,
        actorId: lesson.actorId,
        reason: request.reason ?? null,
        recordedAt: lesson.now,
        late: lesson.late,
        resolvedAt: null,
        resolvedBy: null,
      });
      await reservations.insert(reservation);
      if (planned.length > 0) {
        await manager.getRepository(ColumnReservationEntryEntity).insert(
          planned.map(({ change, entry }) => ({
            columnId: request.columnId,
            studentId: entry.studentId,
            lessonId: request.lessonId,
            lessonDate: lesson.details.lesson.date,
            change,
            entry,
          })),
        );
      }
      return { entries: await this.lessonAttendance(manager, reservation) };
    });
  }

  /**
   * Writes a reserved column: every changed entry with its history (the actor who prepared it, at the time of the
   * write, with its reason) and one event. Confirming a confirmed column answers its entries again; a cancelled one is
   * a CONFLICT (the journal never commits a column it gave up, see LessonColumnRpc.status).
   */
  async confirm(columnId: string, resolvedBy: ResolvedBy, actor?: Actor): Promise<{ entries: AttendanceEntry[] }> {
    return this.dataSource.transaction(async (manager) => {
      const reservation = await this.lockedReservation(manager, columnId);
      if (!reservation) throw new DomainError(ErrorCode.NotFound, COLUMN_NOT_FOUND, { columnId });
      assertMayResolve(reservation, actor);
      const reserved = await manager.getRepository(ColumnReservationEntryEntity).find({ where: { columnId }, order: { studentId: 'ASC' } });
      if (reservation.status === 'confirmed') return { entries: reserved.map((row) => row.entry) };
      if (reservation.status === 'cancelled') {
        throw new DomainError(ErrorCode.Conflict, 'Сохранение колонки урока было отменено', { columnId });
      }
      for (const row of reserved) await lockStudent(manager, row.studentId);
      await lockEntries(manager, reserved);
      await this.write(manager, reservation, reserved);
      await manager
        .getRepository(ColumnReservationEntity)
        .update({ columnId }, { status: 'confirmed', resolvedAt: () => 'clock_timestamp()', resolvedBy });
      return { entries: reserved.map((row) => row.entry) };
    });
  }

  /**
   * Drops a pending column; its entries stay as they were. A column not prepared (yet) is remembered as cancelled, so
   * that a prepare arriving late is refused. Cancelling a confirmed column is a CONFLICT.
   */
  async cancel(columnId: string, lessonId: string, resolvedBy: ResolvedBy, actor?: Actor): Promise<{ status: 'cancelled' }> {
    return this.dataSource.transaction(async (manager) => {
      await lockLessonColumns(manager, lessonId);
      const reservation = await this.lockedReservation(manager, columnId);
      const reservations = manager.getRepository(ColumnReservationEntity);
      if (!reservation) {
        await manager.query(
          `INSERT INTO column_reservation (column_id, lesson_id, status, resolved_at, resolved_by)
           VALUES ($1, $2, 'cancelled', clock_timestamp(), $3) ON CONFLICT (column_id) DO NOTHING`,
          [columnId, lessonId, resolvedBy],
        );
        return { status: 'cancelled' as const };
      }
      assertMayResolve(reservation, actor);
      if (reservation.status === 'confirmed') {
        throw new DomainError(ErrorCode.Conflict, 'Колонка урока уже сохранена: отменить её нельзя', { columnId });
      }
      if (reservation.status === 'pending') {
        await reservations.update({ columnId }, { status: 'cancelled', resolvedAt: () => 'clock_timestamp()', resolvedBy });
      }
      return { status: 'cancelled' as const };
    });
  }

  /** The lesson's attendance (absent and late students) and the column reserving it, for those who read the lesson. */
  async state(lessonId: string): Promise<LessonAttendanceState> {
    await this.access.forReading(lessonId);
    const manager = this.dataSource.manager;
    const pending = await manager.getRepository(ColumnReservationEntity).findOneBy({ lessonId, status: 'pending' });
    const entries = await manager.getRepository(AttendanceEntryEntity).find({ where: { lessonId }, order: { studentId: 'ASC' } });
    return { entries: entries.map(toAttendanceEntry), pendingColumnId: pending?.columnId ?? null };
  }

  /** Pending columns reserved longer ago than `olderThanMs` by the database's clock, oldest first. */
  async pendingSince(olderThanMs: number, limit: number): Promise<Array<{ columnId: string; lessonId: string }>> {
    return this.dataSource.query<Array<{ columnId: string; lessonId: string }>>(
      `SELECT column_id AS "columnId", lesson_id AS "lessonId" FROM column_reservation
        WHERE status = 'pending' AND reserved_at <= clock_timestamp() - make_interval(secs => $1)
        ORDER BY reserved_at LIMIT $2`,
      [olderThanMs / 1000, limit],
    );
  }

  /** What the column does to one student's entry, checked as a single write would be (EntriesService.set). */
  private async plan(manager: EntityManager, lesson: WritableLesson, input: ColumnEntryInput): Promise<PlannedEntry> {
    const key: EntryKey = { lessonId: lesson.details.lesson.id, studentId: input.studentId };
    const existing = await manager.getRepository(AttendanceEntryEntity).findOneBy(key);
    const current = existing ? toAttendanceEntry(existing) : await this.presentNow(manager, lesson, key);
    try {
      assertExpectedVersion(input.expectedVersion, current);
    } catch (error) {
      if (error instanceof DomainError) throw new DomainError(error.code, error.message, { ...error.details, studentId: input.studentId });
      throw error;
    }
    const written = { recordedAt: lesson.now.toISOString(), recordedBy: lesson.actorId, version: current.version + 1 };
    if (input.status === 'present') {
      if (!existing) return { change: 'unchanged', entry: current };
      const entry: AttendanceEntry = {
        ...key,
        status: 'present',
        reason: null,
        minutesLate: null,
        reasonConfirmedBy: null,
        reasonConfirmedAt: null,
        ...written,
      };
      return { change: 'deleted', entry };
    }
    const resolved =
      input.status === 'absent'
        ? await absenceReasonToStore(manager, this.excuses, { studentId: input.studentId, date: lesson.details.lesson.date, reason: input.reason ?? null }, existing)
        : { reason: null, confirmedBy: null, confirmedAt: null };
    const minutesLate = input.minutesLate ?? null;
    const unchanged =
      existing?.status === input.status &&
      existing.reason === resolved.reason &&
      existing.minutesLate === minutesLate &&
      existing.reasonConfirmedBy === resolved.confirmedBy &&
      existing.reasonConfirmedAt?.getTime() === resolved.confirmedAt?.getTime();
    if (existing && unchanged) return { change: 'unchanged', entry: current };
    const entry: AttendanceEntry = {
      ...key,
      status: input.status,
      reason: resolved.reason,
      minutesLate,
      reasonConfirmedBy: resolved.confirmedBy,
      reasonConfirmedAt: resolved.confirmedAt?.toISOString() ?? null,
      ...written,
    };
    return { change: existing ? 'updated' : 'created', entry };
  }

  /** A student with no entry: the last "present" the history keeps, or version 0 when nothing was ever recorded. */
  private async presentNow(manager: EntityManager, lesson: WritableLesson, key: EntryKey): Promise<AttendanceEntry> {
    const last = await this.history.lastValue(manager, key.lessonId, key.studentId);
    if (last) return last;
    return {
      ...key,
      status: 'present',
      reason: null,
      minutesLate: null,
      recordedAt: lesson.now.toISOString(),
      recordedBy: null,
      reasonConfirmedBy: null,
      reasonConfirmedAt: null,
      version: 0,
    };
  }

  /** Writes the reserved entries that change something, with their history and one event per batch. */
  private async write(manager: EntityManager, reservation: ColumnReservationEntity, reserved: readonly ColumnReservationEntryEntity[]): Promise<void> {
    const repository = manager.getRepository(AttendanceEntryEntity);
    const at = reservation.recordedAt!;
    const changed = reserved.filter((row) => row.change !== 'unchanged');
    const history = [];
    for (const row of changed) {
      const key = { lessonId: row.lessonId, studentId: row.studentId };
      const existing = await repository.findOneBy(key);
      const entry = row.entry;
      if (row.change === 'deleted') {
        await repository.delete(key);
      } else {
        const fields = {
          status: entry.status as 'absent' | 'late',
          reason: entry.reason,
          minutesLate: entry.minutesLate,
          recordedAt: new Date(entry.recordedAt),
          recordedBy: entry.recordedBy,
          late: reservation.late ?? false,
          reasonConfirmedBy: entry.reasonConfirmedBy,
          reasonConfirmedAt: entry.reasonConfirmedAt ? new Date(entry.reasonConfirmedAt) : null,
          version: entry.version,
        };
        if (existing) await repository.update(key, fields);
        else await repository.insert({ ...key, pageId: reservation.pageId!, lessonDate: row.lessonDate, ...fields });
      }
      history.push({
        ...key,
        action: row.change === 'created' ? ('created' as const) : row.change === 'deleted' ? ('deleted' as const) : ('updated' as const),
        oldValue: existing ? toAttendanceEntry(existing) : null,
        newValue: entry,
        actorId: reservation.actorId,
        at,
        reason: reservation.reason,
      });
    }
    if (history.length === 0) return;
    await this.history.append(manager, history);
    for (const entries of batchesWithinBudget(changed.map((row) => row.entry))) {
      await this.outbox.append(manager, AttendanceEvents.entriesSaved, { entries });
    }
  }

  /** The lesson's attendance once the reservation is confirmed: its entries over the lesson's current ones. */
  private async lessonAttendance(manager: EntityManager, reservation: ColumnReservationEntity): Promise<AttendanceEntry[]> {
    const [current, reserved] = await Promise.all([
      manager.getRepository(AttendanceEntryEntity).find({ where: { lessonId: reservation.lessonId } }),
      manager.getRepository(ColumnReservationEntryEntity).find({ where: { columnId: reservation.columnId } }),
    ]);
    const byId = new Map(current.map((entity) => [entity.studentId, toAttendanceEntry(entity)]));
    for (const row of reserved) byId.set(row.studentId, row.entry);
    return [...byId.values()].sort(byStudent);
  }

  private lockedReservation(manager: EntityManager, columnId: string): Promise<ColumnReservationEntity | null> {
    return manager.getRepository(ColumnReservationEntity).findOne({ where: { columnId }, lock: { mode: 'pessimistic_write' } });
  }
}

/** Each student of a column is enrolled in the page's class (and group) on the lesson's date (R-CAL-4). */
function assertStudentOfLesson(lesson: WritableLesson, studentId: string): void {
  if (!lesson.page.students.some((student) => student.id === studentId)) {
    throw new DomainError(ErrorCode.StudentNotEnrolled, 'Ученик не числится в классе на дату урока', {
      lessonDate: lesson.details.lesson.date,
      studentId,
    });
  }
}

/** The system (the journal's resolution, the event, the timeout) or the person who prepared the column resolves it. */
function assertMayResolve(reservation: ColumnReservationEntity, actor: Actor | undefined): void {
  if (!actor || actor.kind === 'system') return;
  if (actor.kind === 'person' && actor.personId === reservation.actorId) return;
  throw new DomainError(ErrorCode.Forbidden, 'Колонку урока завершает тот, кто её сохранял');
}
