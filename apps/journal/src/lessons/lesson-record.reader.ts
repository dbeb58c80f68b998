import { Injectable } from '@nestjs/common';
import { type EntityManager, IsNull } from 'typeorm';
import type { LessonRecord } from '#contracts';
import { MarkEntity } from '../marks/mark.entity.js';
import { toMark } from '../marks/mark.mapper.js';
import { LessonRecordEntity } from './lesson-record.entity.js';

/** What is recorded for a lesson: its record (version 0 when nothing yet) and its marks not deleted, oldest first. */
@Injectable()
export class LessonRecordReader {
  /** The plan topic the lesson is linked to now (R-PLAN-3). */
  async planTopicIdOf(manager: EntityManager, lessonId: string): Promise<string | null> {
    const record = await manager.getRepository(LessonRecordEntity).findOne({ select: { planTopicId: true }, where: { lessonId } });
    return record?.planTopicId ?? null;
  }

  async read(manager: EntityManager, lessonId: string, pageId: string): Promise<LessonRecord> {
    const [record, marks] = await Promise.all([
      manager.getRepository(LessonRecordEntity).findOneBy({ lessonId }),
      manager.getRepository(MarkEntity).find({
        where: { lessonId, deletedAt: IsNull() },
        order: { enteredAt: 'ASC', id: 'ASC' },
      }),
    ]);
    return {
      lessonId,
      pageId: record?.pageId ?? pageId,
      topic: record?.topic ?? null,
      homework: record?.homework ?? null,
      version: record?.version ?? 0,
      planTopicId: record?.planTopicId ?? null,
      marks: marks.map(toMark),
    };
  }
}
