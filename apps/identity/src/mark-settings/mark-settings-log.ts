import type { EntityManager } from 'typeorm';
import type { MarkSettingsChange, WorkKind } from '#contracts';
import { scopedQuery } from '../database/scoped-query.js';

/** The school's scale and kinds of work, as the log keeps them before and after a change. */
export interface MarkSettingsValue {
  markScaleMin: 1 | 2;
  workKinds: WorkKind[];
}

/** The scale and kinds of a school as it is stored. */
export function markSettingsOf(school: MarkSettingsValue): MarkSettingsValue {
  return { markScaleMin: school.markScaleMin, workKinds: school.workKinds };
}

export interface MarkSettingsLogRow {
  schoolId: string;
  actorId: string | null;
  at: Date;
  oldValue: MarkSettingsValue;
  newValue: MarkSettingsValue;
  reason: string | null;
}

/** Appends one change to the mark settings log in the caller's transaction; the table refuses updates and deletes. */
export async function appendMarkSettingsLog(manager: Pick<EntityManager, 'query'>, row: MarkSettingsLogRow): Promise<void> {
  await scopedQuery(
    manager,
    `INSERT INTO mark_settings_log (at, school_id, actor_id, old_value, new_value, reason)
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6)`,
    [row.at.toISOString(), row.schoolId, row.actorId, JSON.stringify(row.oldValue), JSON.stringify(row.newValue), row.reason],
  );
}

interface LogDbRow {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  old_value: MarkSettingsValue;
  new_value: MarkSettingsValue;
  reason: string | null;
}

/** A page of the school's mark settings log, newest first. */
export async function readMarkSettingsLog(
  manager: Pick<EntityManager, 'query'>,
  schoolId: string,
  limit: number,
  before: string | undefined,
): Promise<{ entries: MarkSettingsChange[]; next: string | null }> {
  const rows = await scopedQuery<LogDbRow>(
    manager,
    `SELECT l.id::text AS id, l.at, l.actor_id, concat_ws(' ', p.last_name, p.first_name, p.middle_name) AS actor_name,
            l.old_value, l.new_value, l.reason
       FROM mark_settings_log l
       LEFT JOIN person p ON p.id = l.actor_id
      WHERE l.school_id = $1 AND ($2::bigint IS NULL OR l.id < $2::bigint)
      ORDER BY l.id DESC
      LIMIT $3`,
    [schoolId, before ?? null, limit + 1],
  );
  const page = rows.slice(0, limit);
  return {
    entries: page.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      actorId: row.actor_id,
      actorName: row.actor_id === null ? null : row.actor_name,
      oldValue: row.old_value,
      newValue: row.new_value,
      reason: row.reason,
    })),
    next: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}

const canonical = ({ markScaleMin, workKinds }: MarkSettingsValue) =>
  JSON.stringify([markScaleMin, workKinds.map((kind) => [kind.code, kind.nameRu, kind.weight])]);

/** Whether two settings are the same: the scale, and the kinds with their codes, names and weights in order. */
export function sameMarkSettings(left: MarkSettingsValue, right: MarkSettingsValue): boolean {
  return canonical(left) === canonical(right);
}
