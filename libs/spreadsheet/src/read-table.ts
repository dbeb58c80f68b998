import { readCsv } from './read-csv.js';
import { readXlsx } from './read-xlsx.js';
import { spreadsheetRefusal } from './spreadsheet-refusal.js';
import { DEFAULT_TABLE_LIMITS, type FileDescription, type ReadTableOptions, type Table } from './table.js';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function saysXlsx(file: FileDescription): boolean {
  return (
    /\.xlsx$/i.test(file.fileName ?? '') ||
    (file.contentType ?? '').toLowerCase().startsWith('application/vnd.openxmlformats-officedocument.spreadsheetml')
  );
}

/**
 * Reads an uploaded table: XLSX or CSV, told apart by the bytes (a zip is XLSX), the name and content type only
 * confirming. CSV may be UTF-8 with or without a BOM, windows-1251 or UTF-16 with a BOM, separated by `;`, `,` or tab,
 * with quoted fields holding separators, quotes and line breaks. Refuses with a Russian message what it cannot read.
 */
export async function readTable(bytes: Buffer, file: FileDescription = {}, options: ReadTableOptions = {}): Promise<Table> {
  const limits = { ...DEFAULT_TABLE_LIMITS, ...options.limits };
  if (bytes.length === 0) throw spreadsheetRefusal('Файл пуст');
  if (bytes.length > limits.maxBytes) {
    const megabytes = Math.floor(limits.maxBytes / (1024 * 1024));
    throw spreadsheetRefusal(`Файл слишком большой: можно не больше ${megabytes} МБ`, { maxBytes: limits.maxBytes });
  }
  if (startsWith(bytes, OLE_MAGIC)) {
    throw spreadsheetRefusal('Формат XLS (Excel 97–2003) не поддерживается: сохраните файл как XLSX или CSV');
  }
  if (startsWith(bytes, ZIP_MAGIC)) return readXlsx(bytes, options, limits);
  if (saysXlsx(file)) {
    throw spreadsheetRefusal('Файл назван XLSX, но не является таблицей Excel: сохраните его заново как XLSX или CSV');
  }
  if (bytes.includes(0) && !startsWith(bytes, [0xff, 0xfe])) {
    throw spreadsheetRefusal('Это не текстовый файл CSV и не таблица XLSX');
  }
  return readCsv(bytes, options, limits);
}
