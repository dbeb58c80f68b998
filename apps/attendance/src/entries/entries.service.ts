import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type AttendanceEntry, AttendanceEvents, type AttendanceRpc, type RpcRequest } from '#contracts';
import { assertConducted, assertEnrolled, LessonAccess, type WritableLesson } from '#lesson-access';
import { OutboxWriter } from '#platform';
import { lockEntries } from '../database/entry-locks.js';
import { AttendanceHistoryWriter } from '../history/attendance-history.writer.js';
import { AttendanceEntryEntity } from './attendance-entry.entity.js';
import { toAttendanceEntry } from './attendance-entry.mapper.js';

type SetEntryRequest = RpcRequest<typeof AttendanceRpc.setEntry>;

const NOT_CONDUCTED = 'Урок ещё не проведён: посещаемость отмечается в день урока и позже';

@Injectable()
export class EntriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: LessonAccess,
    private readonly history: AttendanceHistoryWriter,
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
   * for a student enrolled that day (R-CAL-4). Grade 1 keeps attendance too. "Present" removes the entry; its history
   * stays (R-MARK-7). Setting what is already recorded changes nothing and publishes nothing.
   */
  async set(request: SetEntryRequest): Promise<AttendanceEntry> {
    const lesson = await this.access.forWriting(request.lessonId, 'lessons.attendance.write');
    assertConducted(lesson, NOT_CONDUCTED);
    assertEnrolled(lesson, request.studentId);
    return this.dataSource.transaction(async (manager) => {
      const key = { lessonId: request.lessonId, studentId: request.studentId };
      await lockEntries(manager, [key]);
      const existing = await manager.getRepository(AttendanceEntryEntity).findOneBy(key);
      return request.status === 'present'
        ? this.markPresent(manager, lesson, key, existing)
        : this.record(manager, lesson, { ...request, status: request.status }, existing);
    });
  }

  private async markPresent(
    manager: EntityManager,
    lesson: WritableLesson,
    key: { lessonId: string; studentId: string },
    existing: AttendanceEntryEntity | null,
  ): Promise<AttendanceEntry> {
    const present = (version: number): AttendanceEntry => ({
      ...key,
      status: 'present',
      reason: null,
      minutesLate: null,
      recordedAt: lesson.now.toISOString(),
      recordedBy: lesson.actorId,
      version,
    });
    if (!existing) return present(Math.max(1, await this.history.lastVersion(manager, key.lessonId, key.studentId)));

    const entry = present(existing.version + 1);
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
  ): Promise<AttendanceEntry> {
    const reason = request.reason ?? null;
    const minutesLate = request.minutesLate ?? null;
    const unchanged =
      existing?.status === request.status && existing.reason === reason && existing.minutesLate === minutesLate;
    if (existing && unchanged) return toAttendanceEntry(existing);
    const repository = manager.getRepository(AttendanceEntryEntity);
    const previousVersion =
      existing?.version ?? (await this.history.lastVersion(manager, request.lessonId, request.studentId));
    const version = previousVersion + 1;
    const entity = repository.create({
      lessonId: request.lessonId,
      studentId: request.studentId,
      pageId: lesson.details.lesson.pageId,
      lessonDate: lesson.details.lesson.date,
      status: request.status,
      reason,
      minutesLate,
      recordedAt: lesson.now,
      recordedBy: lesson.actorId,
      late: lesson.late,
      version,
    });
    if (existing) {
      await repository.update(
        { lessonId: entity.lessonId, studentId: entity.studentId },
        {
          status: entity.status,
          reason,
          minutesLate,
          recordedAt: lesson.now,
          recordedBy: lesson.actorId,
          late: lesson.late,
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
}
