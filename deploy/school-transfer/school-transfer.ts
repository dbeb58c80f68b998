import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import {
  type Actor,
  SCHOOL_EXPORT_FORMAT,
  SCHOOL_EXPORT_VERSION,
  SCHOOL_TRANSFER_SERVICES,
  type SchoolTransferPage,
  SchoolTransferRpc,
  type SchoolTransferScope,
  type SchoolTransferService,
} from '#contracts';
import { packInBatches, packRows, type RpcClient, type TransferRow, unpackRows } from '#platform';
import {
  appendRows,
  collectSchoolExport,
  createSchoolExportFile,
  type SchoolExport,
  type SchoolExportChunk,
  type SchoolExportSource,
  scopeOf,
  type ServiceRows,
} from './school-export-file.js';

export const SCHOOL_TRANSFER_ACTOR: Actor = { kind: 'system', name: 'school-transfer' };

/** Applying a large school's rows in one transaction takes a while. */
const APPLY_TIMEOUT_MS = 30 * 60_000;
const PAGE_TIMEOUT_MS = 120_000;

export interface TransferLog {
  (line: string): void;
}

/** Where an export's rows go as they are read: a file, or memory. */
export interface SchoolExportSink {
  write(chunk: SchoolExportChunk): Promise<void>;
}

/**
 * Exports a school from a running system through its services, page by page into `sink`, identity first (it says
 * which pages and students are the school's). Only identity's pages and enrollments are kept meanwhile, for the scope.
 */
export async function exportSchool(rpc: RpcClient, schoolId: string, sink: SchoolExportSink, log: TransferLog = () => undefined): Promise<void> {
  let scope: SchoolTransferScope = { pageIds: [], studentIds: [] };
  for (const service of SCHOOL_TRANSFER_SERVICES) {
    const kept: ServiceRows = {};
    const subjects = SchoolTransferRpc[service];
    const { tables } = await rpc.call(subjects.tables, {}, { actor: SCHOOL_TRANSFER_ACTOR });
    for (const table of tables) {
      let count = 0;
      let after: string | null = null;
      do {
        const page: SchoolTransferPage = await rpc.call(subjects.exportPage, { schoolId, scope, table, after }, { actor: SCHOOL_TRANSFER_ACTOR, timeoutMs: PAGE_TIMEOUT_MS });
        const rows = unpackRows(page.rows);
        if (service === 'identity' && table === 'school' && count === 0 && rows.length === 0) throw new Error(`No school ${schoolId} in this system`);
        if (rows.length > 0) await sink.write({ service, table, rows });
        if (service === 'identity' && SCOPE_TABLES.has(table)) appendRows((kept[table] ??= []), rows);
        count += rows.length;
        after = page.next;
      } while (after !== null);
      log(`${service}.${table}: ${count} rows exported`);
    }
    if (service === 'identity') scope = scopeOf(kept);
  }
}

/** Identity's tables that say what else is the school's (its pages, its students). */
const SCOPE_TABLES = new Set(['page', 'enrollment']);

/** Exports a school into a file, never holding more than a page of rows (R-DATA-2). */
export async function exportSchoolToFile(rpc: RpcClient, schoolId: string, path: string, log: TransferLog = () => undefined): Promise<void> {
  const file = await createSchoolExportFile(path, { format: SCHOOL_EXPORT_FORMAT, version: SCHOOL_EXPORT_VERSION, exportedAt: new Date().toISOString(), schoolId });
  try {
    await exportSchool(rpc, schoolId, file, log);
  } catch (error) {
    // No half-written export is left behind to be imported by mistake.
    await file.close().catch(() => undefined);
    await rm(path, { force: true });
    throw error;
  }
  await file.close();
}

/** Exports a school into memory: for comparisons in tests and for small schools. */
export async function exportSchoolDocument(rpc: RpcClient, schoolId: string): Promise<SchoolExport> {
  const chunks: SchoolExportChunk[] = [];
  // eslint-disable-next-line @typescript-eslint/require-await -- a sink is asynchronous, as a file is
  await exportSchool(rpc, schoolId, { write: async (chunk) => void chunks.push(chunk) });
  const header = { format: SCHOOL_EXPORT_FORMAT, version: SCHOOL_EXPORT_VERSION, exportedAt: new Date().toISOString(), schoolId } as const;
  return collectSchoolExport({
    header,
    // eslint-disable-next-line @typescript-eslint/require-await -- an async iterable, as a file's is
    async *chunks() {
      yield* chunks;
    },
  });
}

/**
 * Imports an exported school into a running system. The export is read twice: first for the school's scope and to
 * check every table is one the services keep; then every service's rows are staged (a service that already has the
 * school refuses at once, SCHOOL_EXISTS, before any service applies anything); then each service applies its rows in
 * one transaction and announces the school through its outbox, identity first.
 */
export async function importSchool(rpc: RpcClient, source: SchoolExportSource, log: TransferLog = () => undefined): Promise<Record<string, Record<string, number>>> {
  const transferId = randomUUID();
  const schoolId = source.header.schoolId;
  const tablesOf = {} as Record<SchoolTransferService, string[]>;
  for (const service of SCHOOL_TRANSFER_SERVICES) {
    tablesOf[service] = (await rpc.call(SchoolTransferRpc[service].tables, {}, { actor: SCHOOL_TRANSFER_ACTOR })).tables;
  }
  const scope = await scopeOfSource(source, tablesOf);

  const staged = new Map<string, number>();
  const stage = async (service: SchoolTransferService, table: string, rows: readonly TransferRow[]) => {
    // An empty table is staged too: its first batch is where the service checks that the school is not there yet.
    const batches = rows.length === 0 ? [packRows([])] : packInBatches(rows);
    for (const batch of batches) {
      const key = `${service}.${table}`;
      const seq = staged.get(key) ?? 0;
      staged.set(key, seq + 1);
      await rpc.call(SchoolTransferRpc[service].stage, { transferId, schoolId, scope, table, seq, rows: batch }, { actor: SCHOOL_TRANSFER_ACTOR, timeoutMs: PAGE_TIMEOUT_MS });
    }
  };
  const stageEmptyTables = async (service: SchoolTransferService) => {
    for (const table of tablesOf[service]) if (!staged.has(`${service}.${table}`)) await stage(service, table, []);
    log(`${service}: staged`);
  };
  let current = 0;
  for await (const { service, table, rows } of source.chunks()) {
    const index = SCHOOL_TRANSFER_SERVICES.indexOf(service);
    if (index < current) throw new Error(`The export's ${service} rows are out of order: the file is damaged`);
    for (; current < index; current += 1) await stageEmptyTables(SCHOOL_TRANSFER_SERVICES[current]!);
    await stage(service, table, rows);
  }
  for (; current < SCHOOL_TRANSFER_SERVICES.length; current += 1) await stageEmptyTables(SCHOOL_TRANSFER_SERVICES[current]!);

  const imported: Record<string, Record<string, number>> = {};
  for (const service of SCHOOL_TRANSFER_SERVICES) {
    const answer = await rpc.call(SchoolTransferRpc[service].apply, { transferId, schoolId, scope }, { actor: SCHOOL_TRANSFER_ACTOR, timeoutMs: APPLY_TIMEOUT_MS });
    imported[service] = answer.imported;
    log(`${service}: imported ${Object.values(answer.imported).reduce((sum, count) => sum + count, 0)} rows`);
  }
  return imported;
}

/** The school's pages and students from identity's rows, having checked that every table is one the services keep. */
async function scopeOfSource(source: SchoolExportSource, tablesOf: Record<SchoolTransferService, string[]>): Promise<SchoolTransferScope> {
  const kept: ServiceRows = {};
  const unknown = new Set<string>();
  for await (const { service, table, rows } of source.chunks()) {
    if (!tablesOf[service].includes(table)) unknown.add(`${service}.${table}`);
    if (service === 'identity' && SCOPE_TABLES.has(table)) appendRows((kept[table] ??= []), rows);
  }
  if (unknown.size > 0) throw new Error(`The services keep no tables ${[...unknown].join(', ')}: the export comes from another version`);
  return scopeOf(kept);
}
