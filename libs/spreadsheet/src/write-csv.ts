import { russianDate } from './import-date.js';
import { neutralizeFormula } from './neutralize-formula.js';
import type { ExportCell, ExportTable } from './export-table.js';

const SEPARATOR = ';';
const NEEDS_QUOTES = /[";\r\n]/;

function cellText(cell: ExportCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell).replace('.', ',');
  if (typeof cell === 'boolean') return cell ? 'да' : 'нет';
  if (typeof cell === 'object') return russianDate(cell.date);
  return neutralizeFormula(cell);
}

function field(cell: ExportCell): string {
  const text = cellText(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV that a Russian Excel opens as it is: UTF-8 with a BOM, `;` between fields, CRLF between rows, decimal commas,
 * dates as ДД.ММ.ГГГГ, and text neutralised against formulas.
 */
export function writeCsv(table: ExportTable): Buffer {
  const lines = [table.headers, ...table.rows].map((row) => row.map(field).join(SEPARATOR));
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}
