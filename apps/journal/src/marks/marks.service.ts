import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type JournalRpc, JournalEvents, type Mark, type RpcRequest } from '#contracts';
import { assertConducted, assertEnrolled, LessonAccess } from '#lesson-access';
import { OutboxWriter } from '#platform';
import { lockLessons } from '../database/lesson-locks.js';
import { JournalHistoryWriter } from '../history/journal-history.writer.js';
import { assertMarkFitsSchool, assertMarksKept } from './mark-checks.js';
import { MarkEntity } from './mark.entity.js';
import { toMark } from './mark.mapper.js';

const NOT_CONDUCTED = 'Урок ещё не проведён: отметки ставятся в день урока и позже';

@Injectable()
export class MarksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: LessonAccess,
    private readonly history: JournalHistoryWriter,
    private readonly outbox: OutboxWriter,
  ) {}

  /** A new current mark; a student may get several in one lesson (R-MARK-4); late after the lesson's day (R-MARK-3). */
  async add(request: RpcRequest<typeof JournalRpc.addMark>): Promise<Mark> {
    const lesson = await this.access.forWriting(request.lessonId, 'lessons.marks.write');
    assertMarksKept(lesson);
    assertConducted(lesson, NOT_CONDUCTED);
    assertEnrolled(lesson, request.studentId);
    assertMarkFitsSchool(lesson, request.value, request.workKind);
    return this.dataSource.transaction(async (manager) => {
      await lockLessons(manager, [request.lessonId]);
      const repository = manager.getRepository(MarkEntity);
      const entity = repository.create({
        id: randomUUID(),
        lessonId: request.lessonId,
        pageId: lesson.details.lesson.pageId,
        studentId: request.studentId,
        value: request.value,
        workKind: request.workKind,
        comment: request.comment ?? null,
        enteredAt: lesson.now,
        enteredBy: lesson.actorId,
        late: lesson.late,
        version: 1,
        deletedAt: null,
      });
      await repository.insert(entity);
      const mark = toMark(entity);
      await this.history.append(manager, [
        {
          entity: 'mark',
          entityId: mark.id,
          action: 'created',
          oldValue: null,
          newValue: mark,
          actorId: lesson.actorId,
          at: lesson.now,
          late: lesson.late,
        },
      ]);
      await this.outbox.append(manager, JournalEvents.marksSaved, { marks: [mark] });
      return mark;
    });
  }
}
