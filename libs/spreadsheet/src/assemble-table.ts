import { cleanCellText } from './cell-text.js';
import { normalizeHeader } from './normalize-header.js';
import { spreadsheetRefusal } from './spreadsheet-refusal.js';
import type { ReadTableOptions, TableLimits, TableRow } from './table.js';

/** A row of raw cell texts with the row number a spreadsheet shows. */
export interface RawRow {
  line: number;
  cells: readonly string[];
}

export interface AssembledTable {
  headers: string[];
  titles: string[];
  headerLine: number;
  rows: TableRow[];
}

/** Rows searched for the header: a title and a few notes may stand above it. */
const HEADER_SEARCH_ROWS = 20;

function isEmpty(row: RawRow): boolean {
  return row.cells.every((cell) => cleanCellText(cell) === '');
}

function headerIndex(rows: readonly RawRow[], options: ReadTableOptions): number {
  const firstNonEmpty = rows.findIndex((row) => !isEmpty(row));
  if (firstNonEmpty < 0) throw spreadsheetRefusal('Файл пуст: в нём нет ни строки заголовков, ни данных');
  const { isHeaderRow } = options;
  if (!isHeaderRow) return firstNonEmpty;
  const found = rows
    .slice(0, firstNonEmpty + HEADER_SEARCH_ROWS)
    .findIndex((row) => !isEmpty(row) && isHeaderRow(row.cells.map((cell) => normalizeHeader(cleanCellText(cell)))));
  return found >= 0 ? found : firstNonEmpty;
}

/**
 * Finds the header row, names the columns by their normalised headers and keeps the non-empty rows under it.
 * Columns without a header are dropped; a header written twice or too many rows or columns refuse the file.
 */
export function assembleTable(rawRows: readonly RawRow[], options: ReadTableOptions, limits: TableLimits): AssembledTable {
  const index = headerIndex(rawRows, options);
  const headerRow = rawRows[index]!;
  const columns: Array<{ position: number; key: string; title: string }> = [];
  const seen = new Map<string, string>();
  headerRow.cells.forEach((cell, position) => {
    const title = cleanCellText(cell);
    const key = normalizeHeader(title);
    if (key === '') return;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw spreadsheetRefusal(`Столбец «${title}» встречается в заголовке дважды (строка ${headerRow.line})`, {
        line: headerRow.line,
        column: title,
      });
    }
    seen.set(key, title);
    columns.push({ position, key, title });
  });
  if (columns.length > limits.maxColumns) {
    throw spreadsheetRefusal(`Слишком много столбцов: ${columns.length}, можно не больше ${limits.maxColumns}`);
  }

  const rows: TableRow[] = [];
  for (const raw of rawRows.slice(index + 1)) {
    if (isEmpty(raw)) continue;
    const cells = Object.create(null) as Record<string, string>;
    for (const column of columns) {
      const text = cleanCellText(raw.cells[column.position] ?? '');
      if (text !== '') cells[column.key] = text;
    }
    if (Object.keys(cells).length === 0) continue;
    if (rows.length === limits.maxRows) {
      throw spreadsheetRefusal(`Слишком много строк: можно не больше ${limits.maxRows} строк данных в одном файле`, {
        maxRows: limits.maxRows,
      });
    }
    rows.push({ line: raw.line, cells });
  }
  return {
    headers: columns.map((column) => column.key),
    titles: columns.map((column) => column.title),
    headerLine: headerRow.line,
    rows,
  };
}
