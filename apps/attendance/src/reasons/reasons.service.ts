import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AttendanceEntry, AttendanceEvents, type AttendanceRpc, DomainError, ErrorCode, personIdOf, type RpcRequest } from '#contracts';
import { assertEnrolled, LessonAccess } from '#lesson-access';
import { Clock, currentActor, OutboxWriter } from '#platform';
import { ResourceAccess } from '../access/resource-access.js';
import { assertNotReserved } from '../column/reserved-entries.js';
import { lockEntries, lockStudent } from '../database/entry-locks.js';
import { AttendanceEntryEntity } from '../entries/attendance-entry.entity.js';
import { toAttendanceEntry } from '../entries/attendance-entry.mapper.js';
import { assertExpectedVersion } from '../entries/expected-version.js';
import { AttendanceHistoryWriter } from '../history/attendance-history.writer.js';
import { AbsenceExcuses } from './absence-excuses.js';

const NOT_CLASS_TEACHER = 'Причины пропусков подтверждает классный руководитель ученика';

/** The class teacher confirms or changes the reasons of their students' absences (R-ATT-1). */
@Injectable()
export class ReasonsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lessons: LessonAccess,
    private readonly students: ResourceAccess,
    private readonly excuses: AbsenceExcuses,
    private readonly history: AttendanceHistoryWriter,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  /**
   * One absence, at a lesson of any subject of the class teacher's class (the page's class on the lesson's date), in
   * an open period. The reason is confirmed by the class teacher; confirming it again changes nothing.
   */
  async setReason(request: RpcRequest<typeof AttendanceRpc.setReason>): Promise<AttendanceEntry> {
    const lesson = await this.lessons.forWriting(request.lessonId, 'lessons.attendance.reasons.write');
    assertEnrolled(lesson, request.studentId);
    return this.dataSource.transaction(async (manager) => {
      const key = { lessonId: request.lessonId, studentId: request.studentId };
      await lockStudent(manager, request.studentId);
      await lockEntries(manager, [key]);
      await assertNotReserved(manager, [key]);
      const repository = manager.getRepository(AttendanceEntryEntity);
      const existing = await repository.findOneBy(key);
      const current = existing ? toAttendanceEntry(existing) : await this.history.lastValue(manager, key.lessonId, key.studentId);
      if (current) assertExpectedVersion(request.expectedVersion, current);
      if (existing?.status !== 'absent') {
        throw new DomainError(ErrorCode.Conflict, 'Ученик не отмечен отсутствующим на этом уроке: причину указать нельзя', {
          current,
        });
      }
      if (existing.reason === request.reason && existing.reasonConfirmedAt !== null) return toAttendanceEntry(existing);
      const changed: AttendanceEntryEntity = {
        ...existing,
        reason: request.reason,
        reasonConfirmedBy: lesson.actorId,
        reasonConfirmedAt: lesson.now,
        version: existing.version + 1,
      };
      await repository.update(key, {
        reason: changed.reason,
        reasonConfirmedBy: changed.reasonConfirmedBy,
        reasonConfirmedAt: changed.reasonConfirmedAt,
        version: changed.version,
      });
      const entry = toAttendanceEntry(changed);
      await this.history.append(manager, [
        {
          ...key,
          action: 'updated',
          oldValue: toAttendanceEntry(existing),
          newValue: entry,
          actorId: lesson.actorId,
          at: lesson.now,
          reason: request.comment,
        },
      ]);
      await this.outbox.append(manager, AttendanceEvents.entriesSaved, { entries: [entry] });
      return entry;
    });
  }

  /**
   * Every absence of a student between two dates takes the reason, confirmed ("болел с 3 по 5 декабря"), and so does an
   * absence recorded on those days later. The actor must be the student's class teacher on the first day and on the
   * day of every absence it changes; an absence in a closed period refuses the whole request.
   */
  async setReasonForDates(request: RpcRequest<typeof AttendanceRpc.setReasonForDates>): Promise<{ entries: AttendanceEntry[] }> {
    const action = 'students.absence-reasons.write';
    await this.students.assertStudent(action, request.studentId, request.from, NOT_CLASS_TEACHER);
    const actorId = personIdOf(currentActor());
    const at = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      await lockStudent(manager, request.studentId);
      const entries = await this.excuses.give(
        manager,
        { ...request, noticeId: null, actorId, at, historyReason: request.comment ?? null },
        async (absences) => {
          const days = [...new Set(absences.map((absence) => absence.lessonDate))].filter((day) => day !== request.from);
          await Promise.all(days.map((day) => this.students.assertStudent(action, request.studentId, day, NOT_CLASS_TEACHER)));
          await this.excuses.assertPeriodsOpen(absences);
        },
      );
      return { entries };
    });
  }
}
