import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { runMigrations } from '#platform';
import { createTestDeployment, type TestDeployment } from '#testing';
import { journalDatabase } from './journal-database.js';

/** The journal as it was before marks could be changed, with a lesson, a mark and their history. */
describe('journal: the history written before mark changes keeps its place (R-MARK-7)', () => {
  let deployment: TestDeployment;
  let db: pg.Client;
  const lessonId = randomUUID();
  const pageId = randomUUID();
  const studentId = randomUUID();
  const markId = randomUUID();

  beforeAll(async () => {
    deployment = await createTestDeployment(['journal']);
    const url = deployment.databaseUrl('journal');
    const full = journalDatabase(url);
    const timestampOf = (migration: { name: string }) => Number(/\d{13}$/.exec(migration.name)?.[0]);
    const migrations = full.migrations as Array<new () => unknown>;
    await runMigrations({ ...full, migrations: migrations.filter((migration) => timestampOf(migration) < 1764900400000) });
    db = new pg.Client({ connectionString: url });
    await db.connect();
    await db.query(
      `INSERT INTO lesson_record (lesson_id, page_id, school_id, lesson_date, topic, homework, version, entered_at, late, updated_at)
       VALUES ($1, $2, $3, '2026-12-01', 'Дроби', NULL, 2, '2026-12-01T10:00:00Z', false, '2026-12-02T10:00:00Z')`,
      [lessonId, pageId, randomUUID()],
    );
    await db.query(
      `INSERT INTO mark (id, lesson_id, page_id, student_id, value, work_kind, entered_at, late, version)
       VALUES ($1, $2, $3, $4, 4, 'answer', '2026-12-02T10:00:00Z', true, 1)`,
      [markId, lessonId, pageId, studentId],
    );
    const mark = { id: markId, lessonId, pageId, studentId, value: 4, workKind: 'answer', late: true, version: 1 };
    await db.query(
      `INSERT INTO journal_history (entity, entity_id, action, old_value, new_value, actor_id, at) VALUES
         ('lesson_record', $1, 'created', NULL, '{"topic":"Дроби","version":1}', NULL, '2026-12-01T10:00:00Z'),
         ('lesson_record', $1, 'updated', '{"topic":"Дроби","version":1}', '{"topic":"Дроби","homework":"§ 3","version":2}', NULL, '2026-12-02T10:00:00Z'),
         ('mark', $2, 'created', NULL, $3, NULL, '2026-12-02T10:00:00Z')`,
      [lessonId, markId, JSON.stringify(mark)],
    );
    await runMigrations(full);
  });

  afterAll(async () => {
    await db?.end();
    await deployment?.dispose();
  });

  it('R-MARK-7: every row says its lesson, page and student; a new mark’s row its lateness; nothing else is guessed', async () => {
    const { rows } = await db.query('SELECT entity, action, lesson_id, page_id, student_id, late FROM journal_history ORDER BY id');
    expect(rows).toEqual([
      { entity: 'lesson_record', action: 'created', lesson_id: lessonId, page_id: pageId, student_id: null, late: null },
      { entity: 'lesson_record', action: 'updated', lesson_id: lessonId, page_id: pageId, student_id: null, late: null },
      { entity: 'mark', action: 'created', lesson_id: lessonId, page_id: pageId, student_id: studentId, late: true },
    ]);
  });

  it('R-MARK-7: the history stays append-only after the migration', async () => {
    await expect(db.query("UPDATE journal_history SET reason = 'x'")).rejects.toThrow(/append-only/);
  });
});
