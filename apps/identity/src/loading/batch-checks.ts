import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '#contracts';

/** One batch names each record once; a repeated key would make the result depend on the order of the items. */
export function assertUniqueKeys(keys: readonly string[], message = 'Запись повторяется в пакете'): void {
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) throw new DomainError(ErrorCode.ValidationFailed, message, { key });
    seen.add(key);
  }
}

/** A period is from one date to another, both included; `to` null while open. */
export function assertPeriod(period: { from: string; to: string | null }): void {
  if (period.to !== null && period.to < period.from) {
    throw new DomainError(ErrorCode.ValidationFailed, 'Дата окончания раньше даты начала', {
      from: period.from,
      to: period.to,
    });
  }
}

export type ReferencedTable = 'person' | 'school' | 'school_class' | 'class_group';

/** Every referenced record exists; otherwise NOT_FOUND listing (some of) the missing ids. */
export async function assertIdsExist(
  manager: EntityManager,
  table: ReferencedTable,
  ids: Iterable<string>,
  message: string,
): Promise<void> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  const rows = await manager.query<Array<{ id: string }>>(`SELECT id FROM ${table} WHERE id = ANY($1::uuid[])`, [wanted]);
  const found = new Set(rows.map((row) => row.id));
  const missing = wanted.filter((id) => !found.has(id));
  if (missing.length > 0) throw new DomainError(ErrorCode.NotFound, message, { missing: missing.slice(0, 20) });
}
