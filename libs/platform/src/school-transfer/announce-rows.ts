import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { EventDefinition } from '#contracts';
import { batchesWithinBudget } from '../outbox/event-batches.js';
import type { OutboxWriter } from '../outbox/outbox-writer.js';

/**
 * Announces rows of an imported school with an event that carries a list (`{ [key]: items }`): `sql` selects one
 * column `item` (jsonb) shaped as an item of the event; the items go out in as few events as fit a NATS message. Each
 * event is checked against its contract first, so a wrong shape fails the import instead of stalling a consumer.
 */
export async function announceList<P extends z.ZodType>(
  outbox: OutboxWriter,
  manager: EntityManager,
  event: EventDefinition<P>,
  key: string,
  sql: string,
  parameters: unknown[],
  /** Fields the event carries beside the list (e.g. the year of the lessons). */
  extra: Record<string, unknown> = {},
): Promise<number> {
  const rows = await manager.query<Array<{ item: unknown }>>(sql, parameters);
  for (const batch of batchesWithinBudget(rows.map((row) => row.item))) {
    await outbox.append(manager, event, event.payload.parse({ ...extra, [key]: batch }));
  }
  return rows.length;
}

/** Announces each selected row (one column `item`, jsonb) as a whole event of its own. */
export async function announceEach<P extends z.ZodType>(
  outbox: OutboxWriter,
  manager: EntityManager,
  event: EventDefinition<P>,
  sql: string,
  parameters: unknown[],
): Promise<number> {
  const rows = await manager.query<Array<{ item: unknown }>>(sql, parameters);
  for (const row of rows) await outbox.append(manager, event, event.payload.parse(row.item));
  return rows.length;
}
