import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { bulkInsert } from '../database/bulk-insert.js';
import type { JournalHistoryAction, JournalHistoryEntityKind } from './journal-history.entity.js';

export interface JournalChange {
  entity: JournalHistoryEntityKind;
  entityId: string;
  action: JournalHistoryAction;
  oldValue: unknown;
  newValue: unknown;
  actorId: string | null;
  at: Date;
  reason?: string | null;
}

const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

/** Appends changes to the journal history in the caller's transaction (R-MARK-7). */
@Injectable()
export class JournalHistoryWriter {
  async append(manager: EntityManager, changes: readonly JournalChange[]): Promise<void> {
    await bulkInsert<JournalChange>(
      manager,
      'journal_history',
      [
        { name: 'entity', type: 'text', value: (change) => change.entity },
        { name: 'entity_id', type: 'uuid', value: (change) => change.entityId },
        { name: 'action', type: 'text', value: (change) => change.action },
        { name: 'old_value', type: 'jsonb', value: (change) => json(change.oldValue) },
        { name: 'new_value', type: 'jsonb', value: (change) => json(change.newValue) },
        { name: 'actor_id', type: 'uuid', value: (change) => change.actorId },
        { name: 'at', type: 'timestamptz', value: (change) => change.at.toISOString() },
        { name: 'reason', type: 'text', value: (change) => change.reason ?? null },
      ],
      changes,
    );
  }
}
