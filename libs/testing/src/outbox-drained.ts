import type { DataSource } from 'typeorm';
import { eventually } from './eventually.js';

/** Waits until the relay has published everything committed to the service's outbox. */
export async function outboxDrained({ db }: { db: DataSource }): Promise<void> {
  await eventually(async () => {
    const [row] = await db.query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
    if (row?.n !== 0) throw new Error(`${row?.n} outbox events not published yet`);
  });
}
