import { readFile, writeFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  SCHOOL_EXPORT_FORMAT,
  SCHOOL_EXPORT_VERSION,
  SCHOOL_TRANSFER_SERVICES,
  type SchoolTransferScope,
  type SchoolTransferService,
} from '#contracts';
import type { TransferRow } from '#platform';

/** One service's rows of the school, table by table in the service's dependency order. */
export type ServiceRows = Record<string, TransferRow[]>;

/**
 * A school as exported (R-DATA-2): one JSON document, gzip-compressed on disk. Everything but `exportedAt` is the
 * data: two exports of the same data are identical apart from it (tables, rows and keys in a fixed order).
 */
export interface SchoolExport {
  format: typeof SCHOOL_EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  schoolId: string;
  services: Record<SchoolTransferService, ServiceRows>;
}

export async function writeSchoolExport(path: string, document: SchoolExport): Promise<void> {
  await writeFile(path, gzipSync(Buffer.from(JSON.stringify(document))));
}

export async function readSchoolExport(path: string): Promise<SchoolExport> {
  const bytes = await readFile(path);
  const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
  return parseSchoolExport(JSON.parse(text) as unknown);
}

export function parseSchoolExport(value: unknown): SchoolExport {
  const document = value as Partial<SchoolExport> | null;
  if (document?.format !== SCHOOL_EXPORT_FORMAT) throw new Error('Not a school export of this journal');
  if (document.version !== SCHOOL_EXPORT_VERSION) {
    throw new Error(`School export format version ${String(document.version)} is not supported (expected ${SCHOOL_EXPORT_VERSION})`);
  }
  if (typeof document.schoolId !== 'string' || typeof document.services !== 'object' || document.services === null) {
    throw new Error('A school export names its school and carries its services');
  }
  for (const service of SCHOOL_TRANSFER_SERVICES) {
    if (typeof document.services[service] !== 'object') throw new Error(`The export lacks the ${service} service`);
  }
  return document as SchoolExport;
}

/** What identity's rows say belongs to the school, for services whose rows name no school. */
export function scopeOf(identity: ServiceRows): SchoolTransferScope {
  const pageIds = (identity.page ?? []).map((row) => String(row.id));
  const studentIds = [...new Set((identity.enrollment ?? []).map((row) => String(row.student_id)))];
  return { pageIds: pageIds.sort(), studentIds: studentIds.sort() };
}
