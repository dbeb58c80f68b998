import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { appendHistory, type HistoryChange } from '#platform';

export interface NoticeChange extends HistoryChange {
  noticeId: string;
}

/** Appends changes of absence notices to their history in the caller's transaction. */
@Injectable()
export class NoticeHistoryWriter {
  async append(manager: EntityManager, changes: readonly NoticeChange[]): Promise<void> {
    await appendHistory<NoticeChange>(
      manager,
      'absence_notice_history',
      [{ name: 'notice_id', type: 'uuid', value: (change) => change.noticeId }],
      changes,
    );
  }
}
