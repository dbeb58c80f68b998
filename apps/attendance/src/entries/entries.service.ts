import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type AttendanceEntry, AttendanceEvents, type AttendanceRpc, type RpcRequest } from '#contracts';
import { assertConducted, assertEnrolled, LessonAccess, type WritableLesson } from '#lesson-access';
import { OutboxWriter } from '#platform';
import { assertNotReserved } from '../column/reserved-entries.js';
import { type EntryKey, lockEntries, lockStudent } from '../database/entry-locks.js';
import { AttendanceHistoryWriter } from '../history/attendance-history.writer.js';
import { AbsenceExcuses } from '../reasons/absence-excuses.js';
import { absenceReasonToStore, type ResolvedReason } from './absence-reason.js';
import { AttendanceEntryEntity } from './attendance-entry.entity.js';
import { toAttendanceEntry } from './attendance-entry.mapper.js';
import { assertExpectedVersion } from './expected-version.js';

type SetEntryRequest = RpcRequest<typeof AttendanceRpc.setEntry>;

const NOT_CONDUCTED = 'Урок ещё не проведён: посещаемость отмечается в день урока и позже';

@Injectable()
export class EntriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: LessonAccess,
    private readonly history: AttendanceHistoryWriter,
    private readonly excuses: AbsenceExcuses,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Students absent or late at a lesson; everyone else was present. */
  async ofLesson(lessonId: string): Promise<{ entries: AttendanceEntry[] }> {
    await this.access.forReading(lessonId);
    const entities = await this.dataSource.getRepository(AttendanceEntryEntity).find({
      where: { lessonId },
      order: { recordedAt: 'ASC', studentId: 'ASC' },
    });
    return { entries: entities.map(toAttendanceEntry) };
  }

  /**
   * Records a student absent (with a reason), late (with minutes) or present (R-ATT-1), on a lesson that took place,
   * for a student enrolled that day (R-CAL-4), by the teacher of the page or the lesson's substitute under their own
   * name. Grade 1 keeps attendance too. "Present" removes the entry; its history stays (R-MARK-7). With
   * `expectedVersion`, a stale write is refused with the current entry. Setting what is already recorded changes
   * nothing and publishes nothing.
   */
  async set(request: SetEntryRequest): Promise<AttendanceEntry> {
    const lesson = await this.access.forWriting(request.lessonId, 'lessons.attendance.write');
    assertConducted(lesson, NOT_CONDUCTED);
    assertEnrolled(lesson, request.studentId);
    return this.dataSource.transaction(async (manager) => {
      const key = { lessonId: request.lessonId, studentId: request.studentId };
      await lockStudent(manager, request.studentId);
      await lockEntries(manager, [key]);
      await assertNotReserved(manager, [key]);
      const existing = await manager.getRepository(AttendanceEntryEntity).findOneBy(key);
      const current = existing ? toAttendanceEntry(existing) : await this.presentNow(manager, lesson, key);
      assertExpectedVersion(request.expectedVersion, current);
      return request.status === 'present'
        ? this.markPresent(manager, lesson, key, existing)
        : this.record(manager, lesson, { ...request, status: request.status }, existing, current.version);
    });
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

  private async markPresent(
    manager: EntityManager,
    lesson: WritableLesson,
    key: EntryKey,
    existing: AttendanceEntryEntity | null,
  ): Promise<AttendanceEntry> {
    if (!existing) return this.presentNow(manager, lesson, key);
    const entry: AttendanceEntry = {
      ...key,
      status: 'present',
      reason: null,
      minutesLate: null,
      recordedAt: lesson.now.toISOString(),
      recordedBy: lesson.actorId,
      reasonConfirmedBy: null,
      reasonConfirmedAt: null,
      version: existing.version + 1,
    };
    await manager.getRepository(AttendanceEntryEntity).delete(key);
    await this.history.append(manager, [
      {
        ...key,
        action: 'deleted',
        oldValue: toAttendanceEntry(existing),
        newValue: entry,
        actorId: lesson.actorId,
        at: lesson.now,
      },
    ]);
    await this.outbox.append(manager, AttendanceEvents.entriesSaved, { entries: [entry] });
    return entry;
  }

  private async record(
    manager: EntityManager,
    lesson: WritableLesson,
    request: SetEntryRequest & { status: 'absent' | 'late' },
    existing: AttendanceEntryEntity | null,
    currentVersion: number,
  ): Promise<AttendanceEntry> {
    const resolved: ResolvedReason =
      request.status === 'absent'
        ? await this.reasonOf(manager, lesson, request, existing)
        : { reason: null, confirmedBy: null, confirmedAt: null };
    const minutesLate = request.minutesLate ?? null;
    const unchanged =
      existing?.status === request.status &&
      existing.reason === resolved.reason &&
      existing.minutesLate === minutesLate &&
      existing.reasonConfirmedBy === resolved.confirmedBy &&
      existing.reasonConfirmedAt?.getTime() === resolved.confirmedAt?.getTime();
    if (existing && unchanged) return toAttendanceEntry(existing);
    const repository = manager.getRepository(AttendanceEntryEntity);
    const version = currentVersion + 1;
    const entity = repository.create({
      lessonId: request.lessonId,
      studentId: request.studentId,
      pageId: lesson.details.lesson.pageId,
      lessonDate: lesson.details.lesson.date,
      status: request.status,
      reason: resolved.reason,
      minutesLate,
      recordedAt: lesson.now,
      recordedBy: lesson.actorId,
      late: lesson.late,
      reasonConfirmedBy: resolved.confirmedBy,
      reasonConfirmedAt: resolved.confirmedAt,
      version,
    });
    if (existing) {
      await repository.update(
        { lessonId: entity.lessonId, studentId: entity.studentId },
        {
          status: entity.status,
          reason: entity.reason,
          minutesLate,
          recordedAt: lesson.now,
          recordedBy: lesson.actorId,
          late: lesson.late,
          reasonConfirmedBy: entity.reasonConfirmedBy,
          reasonConfirmedAt: entity.reasonConfirmedAt,
          version,
        },
      );
    } else {
      await repository.insert(entity);
    }
    const entry = toAttendanceEntry(entity);
    await this.history.append(manager, [
      {
        lessonId: entry.lessonId,
        studentId: entry.studentId,
        action: existing ? 'updated' : 'created',
        oldValue: existing ? toAttendanceEntry(existing) : null,
        newValue: entry,
        actorId: lesson.actorId,
        at: lesson.now,
      },
    ]);
    await this.outbox.append(manager, AttendanceEvents.entriesSaved, { entries: [entry] });
    return entry;
  }

  private reasonOf(
    manager: EntityManager,
    lesson: WritableLesson,
    request: SetEntryRequest,
    existing: AttendanceEntryEntity | null,
  ): Promise<ResolvedReason> {
    return absenceReasonToStore(
      manager,
      this.excuses,
      { studentId: request.studentId, date: lesson.details.lesson.date, reason: request.reason ?? null },
      existing,
    );
  }
}
