import { writeCsv, writeXlsx } from '#spreadsheet';
import type { RosterSnapshot } from '../roster-import/roster-snapshot.js';
import type { RosterExportRequest } from './roster-export-request.js';
import { rosterExportTable } from './roster-export-table.js';

export type RosterExportFormat = 'xlsx' | 'csv';

export interface RosterExportFile {
  bytes: Buffer;
  /** A Russian file name: send it as `filename*=UTF-8''…` in Content-Disposition. */
  fileName: string;
  contentType: string;
}

const CONTENT_TYPES: Record<RosterExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** The roster as an XLSX or CSV file (UTF-8 with a BOM and `;` for a Russian Excel), formulas neutralised. */
export async function exportRoster(
  snapshot: RosterSnapshot,
  request: RosterExportRequest,
  format: RosterExportFormat,
): Promise<RosterExportFile> {
  const exported = request.classId === undefined ? undefined : snapshot.classes.find((item) => item.id === request.classId);
  const what = exported ? `${exported.grade}${exported.letter}` : 'школы';
  const table = { ...rosterExportTable(snapshot, request), sheetName: `Состав ${what}` };
  const bytes = format === 'xlsx' ? await writeXlsx(table) : writeCsv(table);
  const fileName = `Состав ${what} ${request.academicYear.replace('/', '-')} на ${request.date}.${format}`;
  return { bytes, fileName, contentType: CONTENT_TYPES[format] };
}
