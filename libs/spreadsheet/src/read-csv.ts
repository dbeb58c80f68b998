import { CsvError, parse } from 'csv-parse/sync';
import { assembleTable } from './assemble-table.js';
import { decodeText } from './decode-text.js';
import { detectSeparator } from './detect-separator.js';
import { spreadsheetRefusal } from './spreadsheet-refusal.js';
import type { ReadTableOptions, Table, TableLimits } from './table.js';

function parseRecords(text: string, separator: string): string[][] {
  try {
    // Every line, even an empty one, is a record: the record's index is then the row a spreadsheet shows.
    return parse(text, { delimiter: separator, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  } catch (error) {
    if (error instanceof CsvError) {
      const line = error['lines'];
      const where = typeof line === 'number' ? ` (строка ${line} файла)` : '';
      if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
        throw spreadsheetRefusal(`В файле не закрыта кавычка${where}: проверьте, что каждое поле в кавычках закрыто`);
      }
      throw spreadsheetRefusal(`Файл CSV не удаётся разобрать${where}`, { reason: error.code });
    }
    throw error;
  }
}

/** Reads a CSV file in any of the encodings and separators that Russian schools' tools write. */
export function readCsv(bytes: Uint8Array, options: ReadTableOptions, limits: TableLimits): Table {
  const { text, encoding } = decodeText(bytes);
  const separator = detectSeparator(text);
  const records = parseRecords(text, separator);
  const table = assembleTable(
    records.map((cells, index) => ({ line: index + 1, cells })),
    options,
    limits,
  );
  return { format: 'csv', encoding, separator, ...table };
}
