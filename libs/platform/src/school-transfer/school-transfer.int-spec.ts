import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, ErrorCode, type SchoolTransferPage, type SchoolTransferScope } from '#contracts';
import { createTestDeployment, type TestDeployment } from '#testing';
import { serviceDataSourceOptions } from '../database/service-data-source.js';
import { packInBatches, packRows, type TransferRow, unpackRows } from './packed-rows.js';
import { SchoolTransfer, type SchoolTransferOptions } from './school-transfer.js';
import type { TransferTable } from './transfer-table.js';

const SOURCE = 'xfer_source';
const TARGET = 'xfer_target';

/** A service in miniature: a shared table, a school's rows with every awkward type, a log numbered by a sequence. */
async function createTables(dataSource: DataSource): Promise<void> {
  await dataSource.query(`
    CREATE TABLE school_transfer_batch (
      transfer_id uuid NOT NULL, table_name text NOT NULL, seq integer NOT NULL, rows jsonb NOT NULL,
      staged_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (transfer_id, table_name, seq))`);
  await dataSource.query('CREATE TABLE person (id uuid PRIMARY KEY, name text NOT NULL)');
  await dataSource.query(`
    CREATE TABLE sample (
      id uuid PRIMARY KEY, school_id uuid NOT NULL, person_id uuid REFERENCES person (id), at timestamptz, day date,
      amount numeric, big bigint, ratio double precision, doc jsonb, tags text[], note text, flag boolean)`);
  await dataSource.query(`
    CREATE TABLE sample_log (
      id bigserial PRIMARY KEY, sample_id uuid NOT NULL REFERENCES sample (id), school_id uuid NOT NULL, message text)`);
}

const TABLES: readonly TransferTable[] = [
  { name: 'person', where: 't.id IN (SELECT s.person_id FROM sample s WHERE s.school_id = $1)', orderBy: 't.id', shared: true },
  { name: 'sample', where: 't.school_id = $1', orderBy: 't.id' },
  { name: 'sample_log', where: 't.school_id = $1', orderBy: 't.id', generated: ['id'] },
];

function transfer(dataSource: DataSource, options: Partial<SchoolTransferOptions> = {}): SchoolTransfer {
  return new SchoolTransfer(dataSource, { tables: TABLES, ...options });
}

const NO_SCOPE: SchoolTransferScope = { pageIds: [], studentIds: [] };

async function exportAll(source: SchoolTransfer, schoolId: string): Promise<Record<string, TransferRow[]>> {
  const rows: Record<string, TransferRow[]> = {};
  for (const table of source.tables().tables) {
    rows[table] = [];
    let after: string | null = null;
    do {
      const page: SchoolTransferPage = await source.exportPage({ schoolId, scope: NO_SCOPE, table, after });
      rows[table].push(...unpackRows(page.rows));
      after = page.next;
    } while (after !== null);
  }
  return rows;
}

async function importAll(target: SchoolTransfer, schoolId: string, rows: Record<string, TransferRow[]>, transferId = randomUUID()) {
  for (const table of target.tables().tables) {
    const batches = (rows[table] ?? []).length === 0 ? [packRows([])] : packInBatches(rows[table]!, 400);
    for (const [seq, batch] of batches.entries()) {
      await target.stage({ transferId, schoolId, scope: NO_SCOPE, table, seq, rows: batch });
    }
  }
  return target.apply({ transferId, schoolId, scope: NO_SCOPE });
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

describe('school transfer (generic export and import of a service\'s tables)', () => {
  let deployment: TestDeployment;
  let source: DataSource;
  let target: DataSource;
  const school = randomUUID();
  const otherSchool = randomUUID();
  const person = randomUUID();

  beforeAll(async () => {
    deployment = await createTestDeployment([SOURCE, TARGET]);
    const open = async (schema: string) => {
      const dataSource = new DataSource(
        serviceDataSourceOptions({ url: deployment.databaseUrl(schema), schema, entities: [], migrations: [], poolSize: 2 }),
      );
      await dataSource.initialize();
      await createTables(dataSource);
      return dataSource;
    };
    source = await open(SOURCE);
    target = await open(TARGET);

    await source.query('INSERT INTO person (id, name) VALUES ($1, $2)', [person, 'Иванова Анна']);
    await source.query(
      `INSERT INTO sample (id, school_id, person_id, at, day, amount, big, ratio, doc, tags, note, flag) VALUES
         ($1, $2, $3, '2026-12-03 10:00:00.123456+05', '2026-12-03', 12345678901234567890.123456789, 9007199254740993,
          0.1, '{"kinds":[{"code":"answer","weight":"1.5"}],"n":3,"empty":null}', ARRAY['a', 'b,c', '"q"', NULL], NULL, true)`,
      [randomUUID(), school, person],
    );
    // Enough rows for several pages.
    for (let index = 0; index < 7; index += 1) {
      await source.query(
        `INSERT INTO sample (id, school_id, at, amount, tags) VALUES ($1, $2, now() - make_interval(mins => $3), $3 * 1.50, '{}')`,
        [randomUUID(), school, index],
      );
    }
    await source.query(
      `INSERT INTO sample_log (sample_id, school_id, message) SELECT id, school_id, 'log ' || amount FROM sample ORDER BY id`,
    );
    // The target already serves another school, whose log rows hold the first numbers of the sequence.
    const other = randomUUID();
    await target.query('INSERT INTO sample (id, school_id) VALUES ($1, $2)', [other, otherSchool]);
    await target.query("INSERT INTO sample_log (sample_id, school_id, message) SELECT $1, $2, 'other ' || n FROM generate_series(1, 20) n", [other, otherSchool]);
  }, 60_000);

  afterAll(async () => {
    await source?.destroy();
    await target?.destroy();
    await deployment?.dispose();
  });

  it('R-DATA-2: pages follow the table\'s order from the last row of the page before, on a key of several columns too', async () => {
    const whole = await exportAll(transfer(source), school);
    const byDayThenId = TABLES.map((table) => (table.name === 'sample' ? { ...table, orderBy: 't.school_id, t.at, t.id' } : table));
    const paged = await exportAll(new SchoolTransfer(source, { tables: byDayThenId, pageRows: 2 }), school);
    expect(paged.sample).toHaveLength(8);
    const ids = (rows: TransferRow[]) => rows.map((row) => String(row.id));
    expect(new Set(ids(paged.sample!))).toEqual(new Set(ids(whole.sample!)));
    const instants = paged.sample!.map((row) => String(row.at));
    expect(instants).toEqual([...instants].sort());
    expect(paged.sample_log).toEqual(whole.sample_log);
  });

  it('R-DATA-2: a page position that is not one is refused, not read as the first page', async () => {
    const error = await refusal(transfer(source).exportPage({ schoolId: school, scope: NO_SCOPE, table: 'sample', after: '[1, 2]' }));
    expect(error.code).toBe(ErrorCode.ValidationFailed);
  });

  it('R-DATA-2: a round trip into a system serving another school keeps every value exactly, log rows in their order', async () => {
    const exported = await exportAll(transfer(source, { pageRows: 3 }), school);
    expect(exported.sample).toHaveLength(8);
    expect(exported.sample_log).toHaveLength(8);
    expect(exported.sample_log![0]).not.toHaveProperty('id');

    const { imported } = await importAll(transfer(target), school, exported);
    expect(imported).toEqual({ person: 1, sample: 8, sample_log: 8 });
    expect(await exportAll(transfer(target, { pageRows: 5 }), school)).toEqual(exported);

    const [row] = await target.query<Array<Record<string, string>>>(
      `SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS at, day, amount::text AS amount, big::text AS big,
              ratio::text AS ratio, doc::text AS doc, tags::text AS tags, note IS NULL AS note_null
       FROM sample WHERE person_id = $1`,
      [person],
    );
    expect(row).toEqual({
      at: '2026-12-03 05:00:00.123456',
      day: '2026-12-03',
      amount: '12345678901234567890.123456789',
      big: '9007199254740993',
      ratio: '0.1',
      doc: '{"n": 3, "empty": null, "kinds": [{"code": "answer", "weight": "1.5"}]}',
      tags: '{a,"b,c","\\"q\\"",NULL}',
      note_null: true,
    });
    // Numbered again after the other school's rows, in the exported order.
    const logs = await target.query<Array<{ id: string; message: string }>>(
      'SELECT id::text, message FROM sample_log WHERE school_id = $1 ORDER BY id',
      [school],
    );
    expect(logs.map((log) => log.message)).toEqual(exported.sample_log!.map((log) => log.message));
    expect(Number(logs[0]!.id)).toBeGreaterThan(20);
    expect(await target.query('SELECT count(*)::int AS n FROM school_transfer_batch')).toEqual([{ n: 0 }]);
  });

  it('R-DATA-2: importing a school the service already has is refused with SCHOOL_EXISTS and changes nothing', async () => {
    const exported = await exportAll(transfer(source), school);
    const before = await target.query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM sample');
    const error = await refusal(importAll(transfer(target), school, exported));
    expect(error.code).toBe(ErrorCode.SchoolExists);
    expect(error.details).toMatchObject({ schoolId: school, tables: ['sample', 'sample_log'] });
    expect(await target.query('SELECT count(*)::int AS n FROM sample')).toEqual(before);
    // Staged straight to apply (no first batch check): apply refuses as well.
    const transferId = randomUUID();
    const late = await refusal(transfer(target).apply({ transferId, schoolId: school, scope: NO_SCOPE }));
    expect(late.code).toBe(ErrorCode.SchoolExists);
  });

  it('R-DATA-2: an import that fails part way leaves nothing behind: all or nothing', async () => {
    const newSchool = randomUUID();
    const sampleId = randomUUID();
    const rows = {
      person: [],
      sample: [{ id: sampleId, school_id: newSchool, tags: ['x'] }],
      // The second log row points at no sample: the whole import is refused, the sample above included.
      sample_log: [
        { sample_id: sampleId, school_id: newSchool, message: 'ok' },
        { sample_id: randomUUID(), school_id: newSchool, message: 'dangling' },
      ],
    };
    const error = await refusal(importAll(transfer(target), newSchool, rows));
    expect(error.code).toBe(ErrorCode.Conflict);
    expect(await target.query('SELECT count(*)::int AS n FROM sample WHERE school_id = $1', [newSchool])).toEqual([{ n: 0 }]);
    expect(await target.query('SELECT count(*)::int AS n FROM school_transfer_batch')).toEqual([{ n: 0 }]);
  });

  it('R-DATA-2: the announcement runs in the import\'s transaction: when it fails, nothing is imported', async () => {
    const newSchool = randomUUID();
    const rows = { person: [], sample: [{ id: randomUUID(), school_id: newSchool, tags: [] }], sample_log: [] };
    const announced: string[] = [];
    const failing = transfer(target, {
      announce: async (manager: EntityManager, schoolId: string) => {
        const [found] = await manager.query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM sample WHERE school_id = $1', [schoolId]);
        announced.push(`${schoolId}:${found!.n}`);
        throw new Error('outbox down');
      },
    });
    await expect(importAll(failing, newSchool, rows)).rejects.toThrow('outbox down');
    expect(announced).toEqual([`${newSchool}:1`]);
    expect(await target.query('SELECT count(*)::int AS n FROM sample WHERE school_id = $1', [newSchool])).toEqual([{ n: 0 }]);
  });

  it('R-DATA-2: a shared row already in the target is kept as it is there', async () => {
    const newSchool = randomUUID();
    const shared = randomUUID();
    await target.query('INSERT INTO person (id, name) VALUES ($1, $2)', [shared, 'Как в целевой системе']);
    const { imported } = await importAll(transfer(target), newSchool, {
      person: [{ id: shared, name: 'Как в выгрузке' }],
      sample: [{ id: randomUUID(), school_id: newSchool, person_id: shared, tags: [] }],
      sample_log: [],
    });
    expect(imported).toEqual({ person: 0, sample: 1, sample_log: 0 });
    expect(await target.query('SELECT name FROM person WHERE id = $1', [shared])).toEqual([{ name: 'Как в целевой системе' }]);
  });

  it('packs rows into batches that fit the budget and unpacks them unchanged', () => {
    const rows = Array.from({ length: 50 }, (_, index) => ({ id: index, text: Array.from({ length: 20 }, () => randomUUID()).join('') }));
    const batches = packInBatches(rows, 4_000);
    expect(batches.length).toBeGreaterThan(1);
    for (const batch of batches) expect(batch.data.length).toBeLessThanOrEqual(4_000);
    expect(batches.flatMap(unpackRows)).toEqual(rows);
  });
});
