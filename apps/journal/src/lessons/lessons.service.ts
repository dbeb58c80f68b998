import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode, type JournalRpc, JournalEvents, type LessonRecord, type RpcRequest } from '#contracts';
import { LessonAccess } from '#lesson-access';
import { OutboxWriter } from '#platform';
import { lockLessons } from '../database/lesson-locks.js';
import { JournalHistoryWriter } from '../history/journal-history.writer.js';
import { LessonRecordEntity } from './lesson-record.entity.js';
import { LessonRecordReader } from './lesson-record.reader.js';
import { PlanTopics } from './plan-topics.js';

function contentOf(record: Pick<LessonRecordEntity, 'topic' | 'homework' | 'planTopicId' | 'version'>) {
  return { topic: record.topic, homework: record.homework, planTopicId: record.planTopicId, version: record.version };
}

@Injectable()
export class LessonsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: LessonAccess,
    private readonly reader: LessonRecordReader,
    private readonly history: JournalHistoryWriter,
    private readonly outbox: OutboxWriter,
    private readonly planTopics: PlanTopics,
  ) {}

  async get(lessonId: string): Promise<LessonRecord> {
    const { details } = await this.access.forReading(lessonId);
    return this.reader.read(this.dataSource.manager, lessonId, details.lesson.pageId);
  }

  /**
   * Topic and homework of a lesson (kept in grade 1 too). With `expectedVersion`, a stale edit is refused with the
   * current record. Saving the same content again changes nothing. `enteredAt`/`late` stay those of the first entry.
   */
  async saveContent(request: RpcRequest<typeof JournalRpc.saveLessonContent>): Promise<LessonRecord> {
    const lesson = await this.access.forWriting(request.lessonId, 'lessons.content.write');
    const { pageId, schoolId, date } = lesson.details.lesson;
    const planTopicId = request.planTopicId ?? null;
    const topic = await this.topicOf(request, pageId);
    const homework = request.homework ? request.homework : null;
    return this.dataSource.transaction(async (manager) => {
      await lockLessons(manager, [request.lessonId]);
      const current = await this.reader.read(manager, request.lessonId, pageId);
      if (request.expectedVersion !== undefined && request.expectedVersion !== current.version) {
        throw new DomainError(
          ErrorCode.VersionConflict,
          'Запись урока уже изменена другим пользователем: обновите страницу',
          { current },
        );
      }
      const unchanged = current.topic === topic && current.homework === homework && (current.planTopicId ?? null) === planTopicId;
      if (current.version > 0 && unchanged) return current;

      const repository = manager.getRepository(LessonRecordEntity);
      const existing = await repository.findOneBy({ lessonId: request.lessonId });
      const saved: LessonRecordEntity = existing
        ? { ...existing, topic, homework, planTopicId, version: existing.version + 1, updatedAt: lesson.now }
        : repository.create({
            lessonId: request.lessonId,
            pageId,
            schoolId,
            lessonDate: date,
            topic,
            homework,
            planTopicId,
            version: 1,
            enteredAt: lesson.now,
            enteredBy: lesson.actorId,
            late: lesson.late,
            updatedAt: lesson.now,
          });
      if (existing) {
        await repository.update(
          { lessonId: saved.lessonId },
          { topic, homework, planTopicId, version: saved.version, updatedAt: lesson.now },
        );
      } else {
        await repository.insert(saved);
      }
      await this.history.append(manager, [
        {
          entity: 'lesson_record',
          entityId: saved.lessonId,
          lessonId: saved.lessonId,
          pageId: saved.pageId,
          action: existing ? 'updated' : 'created',
          oldValue: existing ? contentOf(existing) : null,
          newValue: contentOf(saved),
          actorId: lesson.actorId,
          at: lesson.now,
          late: lesson.late,
        },
      ]);
      await this.outbox.append(manager, JournalEvents.lessonContentSaved, {
        lessonId: saved.lessonId,
        pageId: saved.pageId,
        topic,
        homework,
        version: saved.version,
        enteredAt: saved.enteredAt.toISOString(),
        late: saved.late,
        planTopicId,
      });
      return { ...current, pageId: saved.pageId, topic, homework, planTopicId, version: saved.version };
    });
  }

  /**
   * The lesson's topic: as written, or else the title of the plan topic it is linked to (R-PLAN-3). A new link is
   * checked against the plan of the lesson's page; a link kept from before is not checked again when a topic is written.
   */
  private async topicOf(request: RpcRequest<typeof JournalRpc.saveLessonContent>, pageId: string): Promise<string> {
    const planTopicId = request.planTopicId ?? null;
    if (planTopicId === null) {
      if (request.topic === undefined) throw new DomainError(ErrorCode.ValidationFailed, 'Укажите тему урока или тему из КТП');
      return request.topic;
    }
    const kept = (await this.reader.planTopicIdOf(this.dataSource.manager, request.lessonId)) === planTopicId;
    if (kept && request.topic !== undefined) return request.topic;
    const planTopic = await this.planTopics.find(request.lessonId, pageId, planTopicId);
    return request.topic ?? planTopic.title;
  }
}
