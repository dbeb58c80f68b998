import type { ExportedFile, ExportFormat } from '#contracts';
import { type ExportTable, writeCsv, writeXlsx } from '#spreadsheet';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** A table as an XLSX or CSV file (UTF-8 with a BOM and `;` for a Russian Excel), formulas neutralised; base64 on the wire. */
export async function exportedFile(table: ExportTable, format: ExportFormat, baseName: string): Promise<ExportedFile> {
  const bytes = format === 'xlsx' ? await writeXlsx(table) : writeCsv(table);
  const fileName = `${baseName.replace(/[\\/:*?"<>|]+/g, '-')}.${format}`;
  return { fileName, contentType: CONTENT_TYPES[format], content: bytes.toString('base64') };
}
