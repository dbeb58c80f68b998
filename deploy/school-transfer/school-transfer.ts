import { randomUUID } from 'node:crypto';
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
import { type SchoolExport, scopeOf, type ServiceRows } from './school-export-file.js';

export const SCHOOL_TRANSFER_ACTOR: Actor = { kind: 'system', name: 'school-transfer' };

/** Applying a large school's rows in one transaction takes a while. */
const APPLY_TIMEOUT_MS = 30 * 60_000;
const PAGE_TIMEOUT_MS = 120_000;

export interface TransferLog {
  (line: string): void;
}

/** Exports a school from a running system through its services, identity first (it says which pages are the school's). */
export async function exportSchool(rpc: RpcClient, schoolId: string, log: TransferLog = () => undefined): Promise<SchoolExport> {
  const services = {} as Record<SchoolTransferService, ServiceRows>;
  let scope: SchoolTransferScope = { pageIds: [], studentIds: [] };
  for (const service of SCHOOL_TRANSFER_SERVICES) {
    services[service] = await exportService(rpc, service, schoolId, scope, log);
    if (service === 'identity') {
      if ((services.identity.school ?? []).length === 0) throw new Error(`No school ${schoolId} in this system`);
      scope = scopeOf(services.identity);
    }
  }
  return { format: SCHOOL_EXPORT_FORMAT, version: SCHOOL_EXPORT_VERSION, exportedAt: new Date().toISOString(), schoolId, services };
}

async function exportService(
  rpc: RpcClient,
  service: SchoolTransferService,
  schoolId: string,
  scope: SchoolTransferScope,
  log: TransferLog,
): Promise<ServiceRows> {
  const subjects = SchoolTransferRpc[service];
  const { tables } = await rpc.call(subjects.tables, {}, { actor: SCHOOL_TRANSFER_ACTOR });
  const rows: ServiceRows = {};
  for (const table of tables) {
    const collected: TransferRow[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const page: SchoolTransferPage = await rpc.call(subjects.exportPage, { schoolId, scope, table, offset }, { actor: SCHOOL_TRANSFER_ACTOR, timeoutMs: PAGE_TIMEOUT_MS });
      collected.push(...unpackRows(page.rows));
      offset = page.next;
    }
    rows[table] = collected;
    log(`${service}.${table}: ${collected.length} rows exported`);
  }
  return rows;
}

/**
 * Imports an exported school into a running system: every service's rows are staged first (a service that already has
 * the school refuses at once, SCHOOL_EXISTS, before any service applies anything), then each service applies its rows
 * in one transaction and announces the school through its outbox, identity first.
 */
export async function importSchool(rpc: RpcClient, document: SchoolExport, log: TransferLog = () => undefined): Promise<Record<string, Record<string, number>>> {
  const scope = scopeOf(document.services.identity);
  const transferId = randomUUID();
  const schoolId = document.schoolId;
  for (const service of SCHOOL_TRANSFER_SERVICES) {
    const subjects = SchoolTransferRpc[service];
    const { tables } = await rpc.call(subjects.tables, {}, { actor: SCHOOL_TRANSFER_ACTOR });
    const unknown = Object.keys(document.services[service]).filter((table) => !tables.includes(table));
    if (unknown.length > 0) throw new Error(`${service} keeps no tables ${unknown.join(', ')}: the export comes from another version`);
    for (const table of tables) {
      const rows = document.services[service][table] ?? [];
      // An empty table is staged too: its first batch is where the service checks that the school is not there yet.
      const batches = rows.length === 0 ? [packRows([])] : packInBatches(rows);
      for (const [seq, batch] of batches.entries()) {
        await rpc.call(subjects.stage, { transferId, schoolId, scope, table, seq, rows: batch }, { actor: SCHOOL_TRANSFER_ACTOR, timeoutMs: PAGE_TIMEOUT_MS });
      }
    }
    log(`${service}: staged`);
  }
  const imported: Record<string, Record<string, number>> = {};
  for (const service of SCHOOL_TRANSFER_SERVICES) {
    const answer = await rpc.call(SchoolTransferRpc[service].apply, { transferId, schoolId, scope }, { actor: SCHOOL_TRANSFER_ACTOR, timeoutMs: APPLY_TIMEOUT_MS });
    imported[service] = answer.imported;
    log(`${service}: imported ${Object.values(answer.imported).reduce((sum, count) => sum + count, 0)} rows`);
  }
  return imported;
}
