import { Injectable } from '@nestjs/common';
import { type EntityManager, IsNull } from 'typeorm';
import type { LessonRecord } from '#contracts';
import { MarkEntity } from '../marks/mark.entity.js';
import { toMark } from '../marks/mark.mapper.js';
import { LessonRecordEntity } from './lesson-record.entity.js';

/** What is recorded for a lesson: its record (version 0 when nothing yet) and its marks not deleted, oldest first. */
@Injectable()
export class LessonRecordReader {
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
      marks: marks.map(toMark),
    };
  }
}
