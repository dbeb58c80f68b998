import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { appendHistory, type HistoryChange } from '#platform';
import type { JournalHistoryEntityKind } from './journal-history.entity.js';

export interface JournalChange extends HistoryChange {
  entity: JournalHistoryEntityKind;
  entityId: string;
}

/** Appends changes to the journal history in the caller's transaction (R-MARK-7). */
@Injectable()
export class JournalHistoryWriter {
  async append(manager: EntityManager, changes: readonly JournalChange[]): Promise<void> {
    await appendHistory<JournalChange>(
      manager,
      'journal_history',
      [
        { name: 'entity', type: 'text', value: (change) => change.entity },
        { name: 'entity_id', type: 'uuid', value: (change) => change.entityId },
      ],
      changes,
    );
  }
}
