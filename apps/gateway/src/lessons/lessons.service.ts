import { marksKeptInGrade } from '#domain';
import { Injectable } from '@nestjs/common';
import {
  type AttendanceEntry,
  AttendanceRpc,
  DomainError,
  ErrorCode,
  IdentityRpc,
  JournalHistoryRpc,
  JournalRpc,
  type LessonDetails,
  type Mark,
  MarksRpc,
} from '#contracts';
import { RpcClient } from '#platform';
import type {
  AttendanceBody,
  LessonContentBody,
  LessonContentView,
  LessonHistoryView,
  LessonView,
  MarkBody,
  MarkUpdateBody,
} from './lesson.views.js';

@Injectable()
export class LessonsService {
  constructor(private readonly rpc: RpcClient) {}

  /**
   * A lesson page as the person may see it (the lesson as the AccessGuard found it). Identity checks again that they
   * may read it; a lesson they may not read is answered exactly like a missing one.
   */
  async lesson({ lesson, subject, period }: LessonDetails): Promise<LessonView> {
    const lessonId = lesson.id;
    const context = await this.rpc.call(IdentityRpc.pageContext, { pageId: lesson.pageId, date: lesson.date, lessonId });
    if (!context.readable) throw new DomainError(ErrorCode.NotFound, 'Урок не найден');
    const [record, attendance] = await Promise.all([
      this.rpc.call(JournalRpc.getLesson, { lessonId }),
      this.rpc.call(AttendanceRpc.getLesson, { lessonId }),
    ]);
    const entryOf = new Map(attendance.entries.map((entry) => [entry.studentId, entry]));
    return {
      lessonId: lesson.id,
      schoolId: lesson.schoolId,
      pageId: lesson.pageId,
      classId: lesson.classId,
      grade: lesson.grade,
      subjectCode: lesson.subjectCode,
      subjectName: subject.nameRu,
      subjectMarked: subject.marked,
      marksAllowed: subject.marked && marksKeptInGrade(lesson.grade),
      date: lesson.date,
      lessonNumber: lesson.lessonNumber,
      startsAt: lesson.startsAt,
      endsAt: lesson.endsAt,
      status: lesson.status,
      period: period && { id: period.id, nameRu: period.nameRu, closed: period.closed },
      className: context.page.className,
      groupName: context.page.groupName,
      // The services refuse writes in a closed period and on a cancelled lesson: the page says so before anyone tries.
      writable: context.writable && !(period?.closed ?? false) && lesson.status !== 'cancelled',
      topic: record.topic,
      homework: record.homework,
      planTopicId: record.planTopicId ?? null,
      version: record.version,
      students: context.students.map((student) => ({
        studentId: student.id,
        name: { lastName: student.lastName, firstName: student.firstName, middleName: student.middleName },
        marks: record.marks.filter((mark) => mark.studentId === student.id),
        attendance: entryOf.get(student.id) ?? null,
      })),
    };
  }

  async saveContent(lessonId: string, body: LessonContentBody, expectedVersion: number | undefined): Promise<LessonContentView> {
    const record = await this.rpc.call(JournalRpc.saveLessonContent, {
      lessonId,
      ...body,
      ...(expectedVersion === undefined ? {} : { expectedVersion }),
    });
    return {
      lessonId: record.lessonId,
      topic: record.topic,
      homework: record.homework,
      planTopicId: record.planTopicId ?? null,
      version: record.version,
    };
  }

  updateMark(mark: { lessonId: string; markId: string }, body: MarkUpdateBody, expectedVersion: number | undefined): Promise<Mark> {
    return this.rpc.call(MarksRpc.update, { ...mark, ...body, ...(expectedVersion === undefined ? {} : { expectedVersion }) });
  }

  async deleteMark(mark: { lessonId: string; markId: string }, reason: string | null, expectedVersion: number | undefined): Promise<void> {
    await this.rpc.call(MarksRpc.delete, { ...mark, reason, ...(expectedVersion === undefined ? {} : { expectedVersion }) });
  }

  /** The journal checks again that the caller reads the lesson (R-MARK-7). */
  history(lessonId: string, studentId: string | undefined): Promise<LessonHistoryView> {
    return this.rpc.call(JournalHistoryRpc.ofLesson, { lessonId, ...(studentId ? { studentId } : {}) });
  }

  addMark(lessonId: string, body: MarkBody): Promise<Mark> {
    return this.rpc.call(JournalRpc.addMark, { lessonId, ...body });
  }

  setAttendance(lessonId: string, studentId: string, body: AttendanceBody, expectedVersion: number | undefined): Promise<AttendanceEntry> {
    return this.rpc.call(AttendanceRpc.setEntry, {
      lessonId,
      studentId,
      ...body,
      ...(expectedVersion === undefined ? {} : { expectedVersion }),
    });
  }
}
