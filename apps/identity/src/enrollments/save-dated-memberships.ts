import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { assertIdsExist, assertPeriod, assertUniqueKeys } from '../loading/batch-checks.js';
import { bulkUpsert } from '../loading/bulk-upsert.js';
import { EnrollmentEntity } from './enrollment.entity.js';
import { GroupMembershipEntity } from './group-membership.entity.js';

/** A student in a class or a group for a period; identified by student, class or group, and first date. */
export interface DatedMembership {
  studentId: string;
  targetId: string;
  from: string;
  to: string | null;
}

export type SavedMembership = DatedMembership & { id: string };

const TABLES = {
  enrollment: { target: 'class_id', targetTable: 'school_class', notFound: 'Класс не найден' },
  group_membership: { target: 'group_id', targetTable: 'class_group', notFound: 'Группа не найдена' },
} as const;

const naturalKey = (item: Omit<DatedMembership, 'to'>) => `${item.studentId}|${item.targetId}|${item.from}`;

/**
 * Saves enrollments in classes or memberships in groups, idempotently by (student, class or group, first date):
 * a repeated item only changes its last date. Returns the items that were inserted or changed, with their ids.
 */
export async function saveDatedMemberships(
  manager: EntityManager,
  table: keyof typeof TABLES,
  items: readonly DatedMembership[],
): Promise<SavedMembership[]> {
  const { target, targetTable, notFound } = TABLES[table];
  items.forEach(assertPeriod);
  assertUniqueKeys(items.map(naturalKey));
  await assertIdsExist(
    manager,
    'person',
    items.map((item) => item.studentId),
    'Ученик не найден',
  );
  await assertIdsExist(
    manager,
    targetTable,
    items.map((item) => item.targetId),
    notFound,
  );

  const stored = await manager.query<Array<{ id: string; student_id: string; target_id: string; date_from: string }>>(
    `SELECT t.id, t.student_id, t.${target} AS target_id, t.date_from
       FROM ${table} t
       JOIN unnest($1::uuid[], $2::uuid[], $3::date[]) AS k (student_id, target_id, date_from)
         ON t.student_id = k.student_id AND t.${target} = k.target_id AND t.date_from = k.date_from`,
    [items.map((item) => item.studentId), items.map((item) => item.targetId), items.map((item) => item.from)],
  );
  const storedIds = new Map(
    stored.map((row) => [naturalKey({ studentId: row.student_id, targetId: row.target_id, from: row.date_from }), row.id]),
  );
  const saved = items.map((item) => ({ ...item, id: storedIds.get(naturalKey(item)) ?? randomUUID() }));
  const upsert = { conflict: ['student_id', target, 'date_from'], overwrite: ['date_to'], returning: ['id'] };
  const changed =
    table === 'enrollment'
      ? await bulkUpsert<EnrollmentEntity, { id: string }>(
          manager,
          EnrollmentEntity,
          saved.map(({ targetId, ...item }) => ({ ...item, classId: targetId })),
          upsert,
        )
      : await bulkUpsert<GroupMembershipEntity, { id: string }>(
          manager,
          GroupMembershipEntity,
          saved.map(({ targetId, ...item }) => ({ ...item, groupId: targetId })),
          upsert,
        );
  const changedIds = new Set(changed.map((row) => row.id));
  return saved.filter((item) => changedIds.has(item.id));
}
