import { z } from 'zod';
import { Id } from './ids.js';
import { defineRpc } from './rpc-definition.js';

/**
 * Moving a school between systems (R-DATA-2). Every service that keeps a school's data answers the same four
 * subjects under its own name, for the system actor only: which tables it exports (in dependency order), one page of a
 * table, staging a batch of rows for an import, and applying the staged rows in one transaction.
 */
export const SCHOOL_EXPORT_FORMAT = 'ejournal-school-export';
export const SCHOOL_EXPORT_VERSION = 2;

/** The services that hold a school's data, in the order an import applies them (reporting is derived, not moved). */
export const SCHOOL_TRANSFER_SERVICES = ['identity', 'planning', 'journal', 'attendance'] as const;
export type SchoolTransferService = (typeof SCHOOL_TRANSFER_SERVICES)[number];

/**
 * What identity says belongs to the school, for services whose rows name no school: its pages (every class, group
 * and subject, all years) and the students ever enrolled in its classes.
 */
export const SchoolTransferScope = z.object({ pageIds: z.array(Id), studentIds: z.array(Id) });
export type SchoolTransferScope = z.infer<typeof SchoolTransferScope>;

/** Rows of one table as JSON, gzip-compressed and base64-encoded so that a page stays within a NATS message. */
export const PackedRows = z.object({
  encoding: z.literal('gzip-base64'),
  count: z.number().int().min(0),
  data: z.string(),
});
export type PackedRows = z.infer<typeof PackedRows>;

const TableName = z.string().regex(/^[a-z_][a-z0-9_]*$/).max(63);

const ExportPageRequest = z.object({
  schoolId: Id,
  scope: SchoolTransferScope,
  table: TableName,
  /** The `next` of the page before (the last row's place in the table's order); null for the first page. */
  after: z.string().max(4_000).nullable(),
});

const StageRequest = z.object({
  transferId: Id,
  schoolId: Id,
  scope: SchoolTransferScope,
  table: TableName,
  seq: z.number().int().min(0),
  rows: PackedRows,
});

const ApplyRequest = z.object({ transferId: Id, schoolId: Id, scope: SchoolTransferScope });

export interface SchoolTransferPage {
  table: string;
  rows: PackedRows;
  /** Where the next page starts (pass it as `after`), null after the last. */
  next: string | null;
}

function schoolTransferRpc(service: SchoolTransferService) {
  return {
    tables: defineRpc<{ tables: string[] }>()(`${service}.school-transfer.tables`, z.object({})),
    exportPage: defineRpc<SchoolTransferPage>()(`${service}.school-transfer.export`, ExportPageRequest),
    stage: defineRpc<{ staged: number }>()(`${service}.school-transfer.stage`, StageRequest),
    apply: defineRpc<{ imported: Record<string, number> }>()(`${service}.school-transfer.apply`, ApplyRequest),
  };
}

export const SchoolTransferRpc = {
  identity: schoolTransferRpc('identity'),
  planning: schoolTransferRpc('planning'),
  journal: schoolTransferRpc('journal'),
  attendance: schoolTransferRpc('attendance'),
} as const;
export type SchoolTransferRpcSet = (typeof SchoolTransferRpc)[SchoolTransferService];
