import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode, IdentityRpc, type LessonTopicEntry } from '#contracts';
import { currentActor, RpcClient } from '#platform';
import { decide } from '#policy';

/** The topics written on a page's lessons and the plan topics they are linked to (R-PLAN-3), for the page's readers. */
@Injectable()
export class PageTopicsReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rpc: RpcClient,
  ) {}

  async of(pageId: string, from: string, to: string): Promise<{ lessons: LessonTopicEntry[] }> {
    const facts = await this.rpc.call(IdentityRpc.accessFacts, { resource: { type: 'page', id: pageId } });
    if (!decide('lessons.read', currentActor(), facts).allowed) {
      throw new DomainError(ErrorCode.NotFound, 'Страница журнала не найдена');
    }
    const lessons = await this.dataSource.query<LessonTopicEntry[]>(
      `SELECT lesson_id AS "lessonId", lesson_date AS date, topic, plan_topic_id AS "planTopicId"
         FROM lesson_record
        WHERE page_id = $1 AND lesson_date BETWEEN $2 AND $3 AND topic IS NOT NULL
        ORDER BY lesson_date, lesson_id`,
      [pageId, from, to],
    );
    return { lessons };
  }
}
