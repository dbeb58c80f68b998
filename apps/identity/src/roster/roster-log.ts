import type { EntityManager } from 'typeorm';
import { bulkInsert } from '#platform';
import type { LogAuthor } from '../access-log/access-log.js';

/** Every step of the roster (classes, groups, enrollments, transfers, guardians, requests): who, what, when. */
export type RosterChangeKind =
  | 'class-created'
  | 'class-changed'
  | 'class-archived'
  | 'group-created'
  | 'group-renamed'
  | 'group-archived'
  | 'group-members-set'
  | 'enrolled'
  | 'enrollment-ended'
  | 'transferred'
  | 'guardian-added'
  | 'guardianship-ended'
  | 'student-archived'
  | 'name-corrected'
  | 'request-submitted'
  | 'request-applied'
  | 'request-rejected'
  /** A roster file applied: its digest and counts (each step is logged as well). */
  | 'roster-imported';

export interface RosterLogRow {
  schoolId: string;
  classId?: string | null;
  personId?: string | null;
  change: RosterChangeKind;
  /** What changed (ids, dates, names before and after); never personal data. */
  details?: Record<string, unknown>;
}

/** Appends rows to the roster log in the caller's transaction; the table refuses updates and deletes. */
export async function appendRosterLog(manager: EntityManager, { actorId, at }: LogAuthor, rows: readonly RosterLogRow[]): Promise<void> {
  await bulkInsert<RosterLogRow>(
    manager,
    'roster_log',
    [
      { name: 'at', type: 'timestamptz', value: () => at.toISOString() },
      { name: 'actor_id', type: 'uuid', value: () => actorId },
      { name: 'school_id', type: 'uuid', value: (row) => row.schoolId },
      { name: 'class_id', type: 'uuid', value: (row) => row.classId ?? null },
      { name: 'person_id', type: 'uuid', value: (row) => row.personId ?? null },
      { name: 'change', type: 'text', value: (row) => row.change },
      { name: 'details', type: 'jsonb', value: (row) => JSON.stringify(row.details ?? {}) },
    ],
    rows,
  );
}
